#!/usr/bin/env python3
"""Scores factdb ask on a file of questions (tests/data/ask-questions.toml).

Builds the seed together with every article of the test-data folder, asks
each question as a user would (the built binary, a table as wide as it
needs), and counts it:

  right    the expected query ran (exit 0) with the expected parameters and
           the answer shows every expected value; or, for a question marked
           refuse, factdb refused (exit 2);
  refused  an answer was expected, and factdb refused (exit 2);
  wrong    anything else: another query, a missing value, or any answer
           at all to a question marked refuse.

Usage: ask_score.py FACTDB QUESTIONS SEED TEST_DATA [--check] [--verbose]
With --check, exits 1 unless at least 90 % are right and no question marked
refuse got an answer.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib


def build(factdb, seed, test_data, work):
    corpus = os.path.join(work, "seed")
    shutil.copytree(seed, corpus)
    for name in sorted(os.listdir(test_data)):
        path = os.path.join(test_data, name)
        if os.path.isdir(path):
            shutil.copytree(path, os.path.join(corpus, name))
    db = os.path.join(work, "news.db")
    subprocess.run([factdb, "build", "--seed", corpus, "-o", db, "-q"], check=True)
    return db


def judge(q, run):
    """('right' | 'refused' | 'wrong', why)."""
    if q.get("refuse"):
        if run.returncode == 2:
            return "right", ""
        return "wrong", f"answered (exit {run.returncode}) a question it should refuse"
    if run.returncode == 2:
        return "refused", run.stderr.strip().splitlines()[0] if run.stderr.strip() else ""
    if run.returncode != 0:
        return "wrong", f"exit {run.returncode}: {run.stderr.strip()}"
    direct = re.search(r"^run it directly: factdb query (\S+)(.*)$", run.stderr, re.M)
    if not direct:
        return "wrong", "no query named on stderr"
    name = direct.group(1).strip("'")
    expected = q["query"] if isinstance(q["query"], list) else [q["query"]]
    if name not in expected:
        return "wrong", f"ran {name}, not {' or '.join(expected)}"
    for param, value in q.get("params", {}).items():
        if not re.search(re.escape(param + "=") + r"[^ ]*" + re.escape(value), direct.group(2)):
            return "wrong", f"not run with {param}={value}: {direct.group(2).strip()}"
    for value in q.get("values", []):
        if value not in run.stdout:
            return "wrong", f"the answer does not show {value!r}"
    return "right", ""


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check, verbose = "--check" in sys.argv, "--verbose" in sys.argv
    if len(args) != 4:
        sys.exit(__doc__)
    factdb, questions_file, seed, test_data = args
    with open(questions_file, "rb") as f:
        questions = tomllib.load(f)["question"]
    counts = {"right": 0, "refused": 0, "wrong": 0}
    refuse_answered = 0
    with tempfile.TemporaryDirectory() as work:
        db = build(factdb, seed, test_data, work)
        for q in questions:
            run = subprocess.run([factdb, "ask", q["ask"], "--db", db, "--wide"], capture_output=True, text=True,
                                 env={**os.environ, "NO_COLOR": "1"})
            verdict, why = judge(q, run)
            counts[verdict] += 1
            refuse_answered += verdict == "wrong" and q.get("refuse", False)
            if verdict != "right" or verbose:
                print(f"{verdict:7} {q['ask']!r}: {why}")
    total = len(questions)
    right = counts["right"]
    print(f"ask: {total} questions: {right} right ({100 * right / total:.1f} %), {counts['refused']} refused, "
          f"{counts['wrong']} wrong; {refuse_answered} of {sum(1 for q in questions if q.get('refuse'))} "
          f"that must be refused were answered")
    if check and (right < 0.9 * total or refuse_answered > 0):
        sys.exit(1)


if __name__ == "__main__":
    main()
