#!/usr/bin/env python3
"""Digests every canned query's answers in a database: unfiltered, for each
article, for each Nth event, and for a sample of names where a query needs
one. Two databases built from one corpus by two versions of factdb give the
same lines exactly when every answer is the same, row for row and in order.

  tools/answer_digest.py DB OUT [--every-event N] [--every-name N] [--every-article N] [--queries DIR] [--only NAME...]

Each line of OUT is: query, parameters (JSON), row count, SHA-256 of the rows.
Queries run through Python's sqlite3 module, the same SQL any client runs."""
import argparse
import hashlib
import json
import sqlite3
import sys

# The name a required parameter is looked up by, and the kind of entity whose names to try.
NAME_KINDS = {"person": ("name", "person"), "country": ("country", "country"),
              "organization": ("organization", "organization"), "attended": ("who", "person")}
SEARCH_WORDS = ["summit", "president", "minister", "member", "attended", "Kashmir", "trade"]


def digest(cursor):
    h = hashlib.sha256()
    n = 0
    for row in cursor:
        h.update(json.dumps(row, ensure_ascii=False).encode())
        h.update(b"\n")
        n += 1
    return n, h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("out")
    ap.add_argument("--every-event", type=int, default=10)
    ap.add_argument("--every-name", type=int, default=50)
    ap.add_argument("--every-article", type=int, default=100,
                    help="a name query runs for each sampled name and every Nth article")
    ap.add_argument("--queries", help="run the .sql files of this folder instead of the queries the database holds")
    ap.add_argument("--only", nargs="*", help="only these queries")
    args = ap.parse_args()
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    articles = [r[0] for r in db.execute("SELECT id FROM article ORDER BY id")]
    events = [r[0] for r in db.execute("SELECT id FROM event ORDER BY id")][::args.every_event]
    queries = db.execute("SELECT name, sql, params FROM canned_query ORDER BY name").fetchall()
    if args.only:
        queries = [q for q in queries if q[0] in args.only]
    with open(args.out, "w") as out:
        for name, sql, params in queries:
            if args.queries:
                with open(f"{args.queries}/{name}.sql") as f:
                    sql = f.read()
            declared = {p["name"]: p for p in json.loads(params)}
            base = {p: (None if d["default"] is None else
                        int(d["default"]) if d["type"] == "integer" else d["default"]) for p, d in declared.items()}
            runs = []
            if name in NAME_KINDS:
                param, kind = NAME_KINDS[name]
                names = [r[0] for r in db.execute("SELECT name FROM entity WHERE kind = ? ORDER BY id", (kind,))]
                runs += [{param: n} for n in names[::args.every_name]]
                if "article" in declared:
                    runs += [{param: n, "article": a} for n in names[::args.every_name]
                             for a in articles[::args.every_article]]
            elif name == "search":
                runs += [{"q": w} for w in SEARCH_WORDS]
            else:
                runs.append({})
                if "article" in declared:
                    runs += [{"article": a} for a in articles]
                if "event" in declared:
                    runs += [{"event": e} for e in events]
            for given in runs:
                values = dict(base, **given)
                n, sha = digest(db.execute(sql, values))
                out.write(f"{name}\t{json.dumps(given, ensure_ascii=False)}\t{n}\t{sha}\n")
            print(f"{name}: {len(runs)} runs", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
