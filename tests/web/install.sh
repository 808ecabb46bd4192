#!/usr/bin/env bash
# Test set-up: installs puppeteer-core (tests/web/package.json, pinned by its
# package-lock.json) into the folder given, once; later runs find it there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$1"
if [ -f "$dir/node_modules/puppeteer-core/package.json" ] && cmp -s "$here/package-lock.json" "$dir/package-lock.json"; then exit 0; fi
mkdir -p "$dir"
cp "$here/package.json" "$here/package-lock.json" "$dir/"
cd "$dir"
npm ci --no-audit --no-fund --loglevel=error
