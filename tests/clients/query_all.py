"""Runs every canned query stored in a factdb database, and every view, with
Python's sqlite3 module: what a Python client does with the .db alone.

usage: query_all.py DB PARAMS_JSON
PARAMS_JSON maps a query name to the parameter values to give it; parameters
left out take their documented default, or NULL. Prints one JSON object:
{"query:NAME": [rows], "view:NAME": [rows]}, each row an object keyed by column.
"""
import json
import sqlite3
import sys

CONVERT = {"text": str, "integer": int, "real": float}


def rows(cursor):
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def main(db_path, given_json):
    given = json.loads(given_json)
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    out = {}
    queries = db.execute("SELECT name, sql, params FROM canned_query ORDER BY name").fetchall()
    for name, sql, params in queries:
        values = {}
        for p in json.loads(params):
            value = given.get(name, {}).get(p["name"], p["default"])
            values[p["name"]] = None if value is None else CONVERT[p["type"]](value)
        out["query:" + name] = rows(db.execute(sql, values))
    views = db.execute("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name").fetchall()
    for (view,) in views:
        out["view:" + view] = rows(db.execute(f'SELECT * FROM "{view}"'))
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
