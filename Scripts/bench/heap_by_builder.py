#!/usr/bin/env python3
"""Live heap by the Newsdesk function that allocated it, from a heaptrack flame-graph file.

    heap_by_builder.py STACKS [DEPTH] [ROWS]

STACKS is `heaptrack_print --flamegraph-cost-type leaked -F STACKS` output: one `frame;frame;... bytes`
line per call stack. Each stack is charged to its innermost DEPTH frames (default 2) of the
Corpus, Entities, Search and API modules, so "who holds the memory" reads as builder <- caller.
"""
import collections
import re
import subprocess
import sys

OURS = re.compile(r"\$s(6Corpus|8Entities|6Search|3API)")


def main() -> None:
    path = sys.argv[1]
    depth = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    rows = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    totals: collections.Counter = collections.Counter()
    everything = 0
    for line in open(path):
        stack, _, cost = line.rstrip("\n").rpartition(" ")
        frames = [frame.split(" (")[0] for frame in stack.split(";")]
        mine = [frame for frame in frames if OURS.search(frame)]
        totals[tuple(mine[-depth:]) if mine else ("(runtime and libraries)",)] += int(cost)
        everything += int(cost)
    top = totals.most_common(rows)
    names = sorted({frame for key, _ in top for frame in key})
    demangled = subprocess.run(
        ["swift-demangle", "--simplified", "--compact"], input="\n".join(names), capture_output=True, text=True
    ).stdout.split("\n")
    readable = dict(zip(names, demangled))
    print(f"{everything / 1e6:8.1f} MB  live in all")
    for key, cost in top:
        print(f"{cost / 1e6:8.1f} MB  " + " <- ".join(readable.get(frame, frame)[:90] for frame in reversed(key)))


if __name__ == "__main__":
    main()
