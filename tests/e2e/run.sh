#!/usr/bin/env bash
# Runs the workshop page's browser test: installs playwright-core from npm
# (once, into tests/e2e/node_modules) and drives Debian's Chromium.
#   bash tests/e2e/run.sh PATH/TO/detente OUTPUT_DIR
set -euo pipefail
detente=$1
out=$2
cd "$(dirname "$0")"
if [ ! -d node_modules/playwright-core ]; then
  timeout 300 npm ci --no-audit --no-fund --loglevel=error
fi
mkdir -p "$out"
exec timeout 280 node workshop.test.mjs "$detente" "$out"
