#!/usr/bin/env bash
# Installs factdb into a temporary prefix, builds examples/ against that
# installed copy with find_package(factdb), and runs it on a fresh database.
# usage: install_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" > /dev/null
test -f "$work/prefix/include/factdb/database.h"
# the man page and both shell completions are installed where man, bash and zsh look
man -l "$work/prefix/share/man/man1/factdb.1" 2>/dev/null | grep -q "factdb ask \[OPTIONS\] question"
bash -n "$work/prefix/share/bash-completion/completions/factdb"
grep -q "^#compdef factdb" "$work/prefix/share/zsh/site-functions/_factdb"
cmake -S "$src/examples" -B "$work/example" -DCMAKE_PREFIX_PATH="$work/prefix" > /dev/null
cmake --build "$work/example" > /dev/null
"$work/prefix/bin/factdb" build --seed "$src/seed" -o "$work/facts.db" --quiet
out="$("$work/example/stand_ins" "$work/facts.db")"
echo "$out"
grep -q "^- Shehbaz Sharif, Prime Minister of Pakistan$" <<< "$out"
grep -q "^- Mohammad Mokhbar, acting President of Iran$" <<< "$out"
grep -q '"Iran sent acting President Mohammad Mokhbar" (sco-summit-astana-2024, line 9)' <<< "$out"
grep -q "per Wikidata: Q843 (Pakistan)" <<< "$out"
