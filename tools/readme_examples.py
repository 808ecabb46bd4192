#!/usr/bin/env python3
"""The README's examples are factdb's output: every `$ factdb ...` line in a ```text
block is run in a folder holding facts.db built from the seed, and what follows it (up to
the next `$ ` line or the block's end) must be what the command writes, standard error
first. A line "..." ends what is compared: the rest is left out on purpose.
Commands that write files, draw progress or need a shell (build, export, completion, new,
pipes, redirections) are not run.

usage: readme_examples.py FACTDB README SEED --check   (exit 1 on drift, with a diff)
       readme_examples.py FACTDB README SEED --write   (rewrites the outputs in place)
"""
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

factdb, readme, seed, mode = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
NOT_RUN = re.compile(r"&&|\||<|>|#|--progress|^\$ factdb (build|export|completion|new)\b")

work = tempfile.mkdtemp()
try:
    subprocess.run([factdb, "build", "--seed", seed, "-o", os.path.join(work, "facts.db"), "-q"], check=True)
    lines = open(readme, encoding="utf-8").read().split("\n")
    out, drift, i, in_text = [], [], 0, False
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if line.startswith("```"):
            in_text = line == "```text" and not in_text
            continue
        if not (in_text and line.startswith("$ factdb ") and not NOT_RUN.search(line)):
            continue
        expected = []
        while i < len(lines) and not lines[i].startswith("$ ") and not lines[i].startswith("```"):
            expected.append(lines[i])
            i += 1
        blank = []
        while expected and expected[-1] == "":
            blank.append(expected.pop())
        args = shlex.split(line[2:])
        r = subprocess.run([factdb] + args[1:], cwd=work, capture_output=True, text=True)
        actual = (r.stderr + r.stdout).rstrip("\n").split("\n")
        cut = next((k for k, text in enumerate(expected) if text.strip() == "..."), None)
        if cut is not None:
            actual = actual[:cut] + [expected[cut]]
        if actual != expected:
            drift.append(f"{line}\n" + "\n".join(difflib.unified_diff(expected, actual, "README", "factdb", lineterm="")))
        out.extend(actual + blank)
    if mode == "--write":
        open(readme, "w", encoding="utf-8").write("\n".join(out))
    elif drift:
        print(f"{readme}: {len(drift)} example(s) differ from what factdb writes "
              f"(tools/readme_examples.py ... --write rewrites them):\n" + "\n\n".join(drift))
        sys.exit(1)
    else:
        print(f"{readme}: every example is what factdb writes")
finally:
    shutil.rmtree(work)
