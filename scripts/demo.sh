#!/usr/bin/env bash
# The demo: the example suite against the example site, 2 shards, headless, on this machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-browser.sh
exec ./shardrun run examples/suite --serve examples/site --shards 2 --exclude-tag demo-failure --out shardrun-out "$@"
