#!/usr/bin/env python3
"""Runs every `$ curl ...` example of a Markdown file against a live server and compares what it
prints with the output the document shows, so the docs stay true to the code.

    Scripts/ci/docs-examples.py Docs/API.md --base http://127.0.0.1:PORT [--skip-path /metrics]

In the document, `localhost:8080` stands for the server; `...` in a shown output stands for any
text (outputs are trimmed there). Values that change from run to run are masked on both sides:
the `Date` and `X-Request-Id` headers, `loadedAt` and the timings of `/v1/stats`. Prints one
result line; exits 1 when an example's output differs.
"""
import argparse
import re
import subprocess
import sys

VOLATILE = [
    (re.compile(r"^(Date|X-Request-Id): .*$", re.M), r"\1: *"),
    (re.compile(r'"loadedAt":"[^"]*"'), '"loadedAt":"*"'),
    (re.compile(r'"seconds":[0-9.e-]+'), '"seconds":*'),
    (re.compile(r'"indexingSeconds":\{"entities":[0-9.e-]+,"search":[0-9.e-]+\}'), '"indexingSeconds":*'),
]


def examples(markdown):
    """(line number, command, shown output) for each `$ ` line inside ```sh blocks."""
    found = []
    in_block = False
    current = None
    for number, line in enumerate(markdown.splitlines(), 1):
        if line.startswith("```"):
            if current:
                found.append(current)
                current = None
            in_block = line.strip() == "```sh" and not in_block
            continue
        if not in_block:
            continue
        if line.startswith("$ "):
            if current:
                found.append(current)
            current = (number, line[2:], [])
        elif current:
            current[2].append(line)
    return [(number, command, "\n".join(lines)) for number, command, lines in found]


def normalise(text):
    text = text.replace("\r\n", "\n").strip()
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def matches(shown, actual):
    parts = [re.escape(part) for part in normalise(shown).split("...")]
    return re.fullmatch(".*?".join(parts), normalise(actual), re.S) is not None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("markdown")
    parser.add_argument("--base", required=True, help="the live server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--skip-path", action="append", default=[], help="a path not routed in this build")
    arguments = parser.parse_args()
    host = arguments.base.split("://", 1)[-1]
    passed = failed = skipped = 0
    for number, command, shown in examples(open(arguments.markdown, encoding="utf-8").read()):
        if any(re.search(r"localhost:8080" + re.escape(path) + r"(?![\w/])", command) for path in arguments.skip_path):
            skipped += 1
            continue
        run = subprocess.run(
            command.replace("localhost:8080", host), shell=True, capture_output=True, timeout=30, text=True
        )
        if matches(shown, run.stdout):
            passed += 1
        else:
            failed += 1
            print(f"{arguments.markdown}:{number}: {command}\n--- shown\n{shown}\n--- printed\n{run.stdout}\n")
    print(f"docs examples ({arguments.markdown}): {passed} passed, {failed} failed, {skipped} skipped (not routed)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
