"""Runs every canned query through factdb and through PostgreSQL (the export's
functions) with the same parameters, and compares the answers.

usage: compare_postgres.py FACTDB FACTS_DB "PSQL COMMAND"
"""
import json
import shlex
import subprocess
import sys

factdb, db, psql = sys.argv[1], sys.argv[2], shlex.split(sys.argv[3])

queries = json.loads(subprocess.run([factdb, "queries", "--db", db, "-f", "json"], check=True,
                                    capture_output=True, text=True).stdout)
ARTICLE = "sco-summit-astana-2024"
TYPICAL = {"name": "Sharif", "country": "Pakistan", "q": "Kashmir", "who": "Sharif", "organization": "SCO", "article": ARTICLE, "event": ARTICLE}


def ids(table):
    out = subprocess.run([factdb, "sql", f"SELECT id FROM {table} ORDER BY id", "--db", db, "-f", "json"], check=True,
                         capture_output=True, text=True).stdout
    return [row["id"] for row in json.loads(out)]


ARTICLES, EVENTS = ids("article"), ids("event")


def ours(name, params):
    args = [factdb, "query", name, "--db", db, "-f", "json"]
    for key, value in params.items():
        args += ["-p", f"{key}={value}"]
    rows = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    # Compared as text, as PostgreSQL returns it: a list of ids as SQL writes it ("[1,2]").
    return [{k: None if v is None else json.dumps(v, separators=(",", ":")) if isinstance(v, list) else str(v)
             for k, v in row.items()} for row in rows]


def theirs(name, params, declared):
    args = ", ".join(f"{p} => '{value}'" for p, value in params.items())
    function = name.replace("-", "_")
    sql = f"SELECT coalesce(json_agg(t), '[]') FROM \"{function}\"({args}) t"
    out = subprocess.run(psql + ["-t", "-A", "-c", sql], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


checked = with_rows = 0
empty = []
for q in queries:
    name = q["name"]
    parts = [p.strip().split(" ", 1) for p in q["parameters"].split(";")] if q["parameters"] else []
    declared = [p[0] for p in parts]
    required = {p[0]: TYPICAL[p[0]] for p in parts if "required" in p[1]}
    runs = [required]
    if "article" in declared:
        runs += [{**required, "article": article} for article in ARTICLES]
    if "event" in declared:
        runs += [{**required, "event": event} for event in EVENTS]
    rows_seen = False
    for params in runs:
        a, b = ours(name, params), theirs(name, params, declared)
        if name == "search":  # PostgreSQL's full-text search: the same rows, its own ranks and snippets
            a = sorted((r["kind"], r["name"], r["ref"]) for r in a)
            b = sorted((r["kind"], r["name"], r["ref"]) for r in b)
        assert a == b, f"{name} {params}: factdb and PostgreSQL differ:\n{a}\n{b}"
        checked += 1
        with_rows += bool(a)
        rows_seen = rows_seen or bool(a)
    if not rows_seen:
        empty.append(name)
# Agreeing on nothing proves little: every query must return rows in some run.
assert not empty, f"no run returned rows for: {', '.join(empty)}"
print(f"{checked} runs of {len(queries)} canned queries ({with_rows} with rows): factdb and PostgreSQL agree")
