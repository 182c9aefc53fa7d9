#!/usr/bin/env bash
# The whole test suite: installs what the tests need when it is missing, then `mvn -B verify`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1; then
  echo "scripts/test.sh needs Java 17 and Maven 3.8+ on the PATH" >&2
  exit 2
fi
# The executor tests drive a real headless Chromium through Debian's chromedriver.
scripts/install-browser.sh

mvn -B verify "$@"
