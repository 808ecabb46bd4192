#!/usr/bin/env python3
"""The documentation's examples are factdb's output: every `$ factdb ...` line in a
```text block of the README and of each Markdown file in docs/ is run in a folder holding
facts.db built from the seed, and what follows it (up to the next `$ ` line or the block's
end) must be what the command writes, standard error first. A line "..." ends what is
compared: the rest is left out on purpose.
Commands that write files, draw progress or need a shell (build, export, completion, new,
pipes, redirections) are not run.

usage: readme_examples.py FACTDB SEED --check FILE_OR_FOLDER...  (exit 1 on drift, with a diff)
       readme_examples.py FACTDB SEED --write FILE_OR_FOLDER...  (rewrites the outputs in place)
A folder stands for the .md files in it.
"""
import difflib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

factdb, seed, mode = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
files = []
for path in sys.argv[4:]:
    files += sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".md")) if os.path.isdir(path) else [path]
NOT_RUN = re.compile(r"&&|\||<|>|#|--progress|^\$ factdb (build|export|completion|new)\b")

work = tempfile.mkdtemp()
try:
    subprocess.run([factdb, "build", "--seed", seed, "-o", os.path.join(work, "facts.db"), "-q"], check=True)
    failed = []
    total = 0
    for readme in files:
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
            total += 1
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
                drift.append(f"{line}\n" + "\n".join(difflib.unified_diff(expected, actual, "docs", "factdb", lineterm="")))
            out.extend(actual + blank)
        if mode == "--write":
            open(readme, "w", encoding="utf-8").write("\n".join(out))
        elif drift:
            failed.append(f"{readme}: {len(drift)} example(s) differ from what factdb writes "
                          f"(tools/readme_examples.py ... --write rewrites them):\n" + "\n\n".join(drift))
    if failed:
        print("\n\n".join(failed))
        sys.exit(1)
    print(f"{len(files)} files: all {total} examples are what factdb writes")
finally:
    shutil.rmtree(work)
