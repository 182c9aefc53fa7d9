#!/usr/bin/env bash
# The whole test suite: installs what the tests need when it is missing, then `mvn -B verify`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need java || ! need mvn; then
  echo "scripts/test.sh needs Java 17 and Maven 3.8+ on the PATH" >&2
  exit 2
fi

mvn -B verify "$@"
