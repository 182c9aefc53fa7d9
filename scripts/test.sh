#!/usr/bin/env bash
# The whole test suite: installs what the tests need when it is missing, then `mvn -B verify`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need java || ! need mvn; then
  echo "scripts/test.sh needs Java 17 and Maven 3.8+ on the PATH" >&2
  exit 2
fi
# The executor tests drive a real headless Chromium through Debian's chromedriver.
if ! need chromium || ! need chromedriver; then
  if [[ "$(id -u)" != 0 ]]; then
    echo "scripts/test.sh needs Chromium and chromedriver: sudo apt-get install -y chromium chromium-driver" >&2
    exit 2
  fi
  echo "installing chromium and chromium-driver (Debian packages)..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

mvn -B verify "$@"
