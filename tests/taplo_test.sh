#!/usr/bin/env bash
# The JSON Schema of facts.toml, as an editor with Taplo uses it: Taplo's own
# CLI (npm @taplo/cli, installed once into the build tree) accepts every
# facts.toml factdb ships and tests with, and every example of
# docs/seed-format.md; it rejects a file with a wrong status, a wrong type and
# an unknown kind, naming each.
# usage: taplo_test.sh FACTDB SOURCE_DIR TOOLS_DIR
set -euo pipefail
factdb="$1" source_dir="$2" tools="$3"
if [ ! -x "$tools/node_modules/.bin/taplo" ]; then
  mkdir -p "$tools"
  (cd "$tools" && { [ -f package.json ] || echo '{"private": true}' > package.json; } &&
     npm install --no-save --no-audit --no-fund --loglevel=error @taplo/cli@0.7)
fi
taplo="$tools/node_modules/.bin/taplo"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$factdb" seed-format --json-schema -o "$work/facts.schema.json"
schema="file://$work/facts.schema.json"

for f in "$source_dir"/seed/*/facts.toml "$source_dir"/tests/data/*/facts.toml; do
  "$taplo" lint --schema "$schema" "$f" > "$work/out" 2>&1 || { cat "$work/out"; echo "FAIL: $f does not validate"; exit 1; }
done

# Every example of the seed format, each in a file with an [article].
awk -v dir="$work" '
  /^```toml$/ { n++; file = dir "/example-" n ".toml"; print "[article]\ntext = \"article.txt\"\nsections = []\n" > file; inside = 1; next }
  /^```$/ { inside = 0; next }
  inside { print >> file }
' "$source_dir/docs/seed-format.md"
count=$(ls "$work"/example-*.toml | wc -l)
[ "$count" -ge 20 ] || { echo "FAIL: only $count examples in docs/seed-format.md"; exit 1; }
for f in "$work"/example-*.toml; do
  "$taplo" lint --schema "$schema" "$f" > "$work/out" 2>&1 || { cat "$work/out" "$f"; echo "FAIL: an example does not validate"; exit 1; }
done

# A broken file is rejected, each problem named.
sed -e 's/status = "acceding"/status = "almost"/' -e '0,/^acting = true/s//acting = "yes"/' \
  "$source_dir/seed/sco-summit-astana-2024/facts.toml" > "$work/broken.toml"
printf '\n[[persn]]\nid = "x"\n' >> "$work/broken.toml"
if "$taplo" lint --schema "$schema" "$work/broken.toml" > "$work/out" 2>&1; then
  echo "FAIL: a broken facts.toml validates"; exit 1
fi
for expected in '"almost" is not one of' '"yes" is not of type "boolean"' "'persn' was unexpected"; do
  grep -qF -- "$expected" "$work/out" || { head -40 "$work/out"; echo "FAIL: no error saying $expected"; exit 1; }
done
echo "ok: $count examples and every shipped facts.toml validate; a broken file is rejected"
