#!/usr/bin/env bash
# Test set-up: installs better-sqlite3 12 (the npm package the Node client test
# uses) into the folder given, once; later runs find it there.
set -euo pipefail
dir="$1"
if [ -f "$dir/node_modules/better-sqlite3/package.json" ]; then exit 0; fi
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || echo '{"private": true}' > package.json
npm install --no-save --no-audit --no-fund --loglevel=error better-sqlite3@12
