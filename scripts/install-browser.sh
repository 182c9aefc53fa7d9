#!/usr/bin/env bash
# Installs Debian's Chromium and chromedriver when missing (as root), or says how to.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  echo "Shardrun needs Chromium and chromedriver: sudo apt-get install -y chromium chromium-driver" >&2
  exit 2
fi
echo "installing chromium and chromium-driver (Debian packages)..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
