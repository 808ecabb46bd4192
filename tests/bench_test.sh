#!/usr/bin/env bash
# The benchmark runs end to end on a tiny corpus and reports every key.
# Not a timing test: the numbers are not judged, only that they are there.
# usage: bench_test.sh FACTDB_BENCH FACTDB GEN_CORPUS
set -euo pipefail
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$1" --factdb "$2" --generator "$3" --work "$work" --articles 10 --long-paragraphs 400 --repeat 1 --json "$work/bench.json"
python3 - "$work/bench.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
keys = ["fact_rows", "load_s", "raw_s", "sqlite3_import_s", "load_vs_raw", "load_vs_sqlite3_import",
        "peak_rss_mb", "slowest_canned_query_ms", "slowest_first_page_ms", "slowest_one_article_query_ms", "cli_vs_sqlite3",
        "long_article_paragraphs", "long_article_build_s", "long_article_growth"]
missing = [k for k in keys if not isinstance(report.get(k), (int, float)) or report[k] <= 0]
assert not missing, f"missing or not positive: {missing}"
assert report["fact_rows"] > 500, report["fact_rows"]
queries = report["canned_query_ms"]
assert len(queries) >= 12
assert all(q["rows"] >= 0 and q["ms"] > 0 for q in queries.values()), queries
assert queries["attendees"]["one_article_rows"] > 0, queries["attendees"]
assert 0 < queries["attendees"]["one_article_rows"] < queries["attendees"]["rows"], queries["attendees"]
assert report["slowest_one_article_query_ms"] > 0
assert all(q["first_page_ms"] > 0 for q in queries.values()), queries
print("bench.json has every key:", ", ".join(keys))
PY
# make bench-scale: the build alone, beside the run above
"$1" --factdb "$2" --generator "$3" --work "$work" --articles 20 --repeat 1 --load-only \
  --compare "$work/bench.json" --json "$work/scale.json"
python3 - "$work/bench.json" "$work/scale.json" <<'PY'
import json, sys
small, scale = (json.load(open(p)) for p in sys.argv[1:])
assert scale["articles"] == 20 and scale["fact_rows"] > small["fact_rows"], (small, scale)
assert all(scale[k] > 0 for k in ["db_mb", "load_s", "peak_rss_mb", "load_growth"]), scale
print("bench-scale.json:", scale)
PY
