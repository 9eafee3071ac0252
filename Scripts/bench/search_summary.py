#!/usr/bin/env python3
"""Summarises Scripts/bench/search.sh rounds: one row per engine and round, then medians and the
ratios the targets of issue 6 are stated in (FTS5 time / Newsdesk time, so > 1 means faster).

    python3 Scripts/bench/search_summary.py /tmp/newsdesk-bench-search/round-*

Each round folder holds fts5-build.json, tantivy-build.json, fts5-query.json (modes bm25 and
bm25+snip), tantivy-query.json (count and count+snip), newsdesk.json and newsdesk-snippets.json
(search-bench speed). Latencies are the medians and p99 over the 300 per-query medians, in wall
time; `cpu` is the same median in thread CPU time (what the scheduler gave that thread).
"""
import json
import os
import statistics
import sys


def load(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        return json.load(f)


def rows_of(folder):
    fb, tb = load(folder, "fts5-build.json"), load(folder, "tantivy-build.json")
    fq, tq = load(folder, "fts5-query.json"), load(folder, "tantivy-query.json")
    nd, ns = load(folder, "newsdesk.json"), load(folder, "newsdesk-snippets.json")

    def py(mode):
        return (mode["overall"]["median_ms"], mode["overall"]["p99_ms"], mode["cpu"]["overall"]["median_ms"])

    def ours(result):
        return (result["overall"]["median_ms"], result["overall"]["p99_ms"], result["cpu"]["overall"]["median_ms"])

    return {
        "fts5": {"build": fb["build_seconds"], "build_cpu": fb["cpu_seconds"], "index_mb": fb["index_bytes"] / 1e6,
                 "plain": py(fq["modes"]["bm25"]), "snip": py(fq["modes"]["bm25+snip"]),
                 "load": fq["machine"]["loadavg_start"][0]},
        "tantivy": {"build": tb["build_seconds"], "build_cpu": tb["cpu_seconds"], "index_mb": tb["index_bytes"] / 1e6,
                    "plain": py(tq["modes"]["count"]), "snip": py(tq["modes"]["count+snip"]),
                    "load": tq["machine"]["loadavg_start"][0]},
        "newsdesk": {"build": statistics.median([nd["build_seconds"], ns["build_seconds"]]),
                     "build_cpu": statistics.median([nd["build_cpu_seconds"], ns["build_cpu_seconds"]]),
                     "index_mb": nd["index_bytes"] / 1e6, "text_mb": nd["text_bytes"] / 1e6,
                     "plain": ours(nd), "snip": ours(ns), "load": nd.get("load_average", [0])[0]},
    }


def main():
    folders = sorted(sys.argv[1:])
    rounds = [rows_of(f) for f in folders]
    header = ("engine", "round", "load", "build s", "build cpu s", "index MB", "median ms", "p99 ms", "cpu median",
              "snip median", "snip p99", "snip cpu")
    print("\t".join(header))
    for number, rows in enumerate(rounds, 1):
        for engine, r in rows.items():
            print("\t".join([engine, str(number), f"{r['load']:.1f}", f"{r['build']:.2f}", f"{r['build_cpu']:.1f}",
                             f"{r['index_mb']:.0f}",
                             *(f"{v:.3f}" for v in r["plain"]), *(f"{v:.3f}" for v in r["snip"])]))
    print()
    print("per round: FTS5 / Newsdesk (x faster; targets 5x plain, 3x with snippets), tantivy / Newsdesk")
    ratios = {k: [] for k in ("median", "p99", "cpu", "snip median", "snip p99", "snip cpu", "t median",
                              "t p99", "t snip median", "t snip p99")}
    for rows in rounds:
        f, t, n = rows["fts5"], rows["tantivy"], rows["newsdesk"]
        for i, name in enumerate(("median", "p99", "cpu")):
            ratios[name].append(f["plain"][i] / n["plain"][i])
            ratios["snip " + name].append(f["snip"][i] / n["snip"][i])
        for i, name in enumerate(("median", "p99")):
            ratios["t " + name].append(t["plain"][i] / n["plain"][i])
            ratios["t snip " + name].append(t["snip"][i] / n["snip"][i])
    for name, values in ratios.items():
        print(f"  {name:14s} " + "  ".join(f"{v:6.2f}" for v in values) + f"   median {statistics.median(values):.2f}")
    print()
    for engine in ("fts5", "tantivy", "newsdesk"):
        column = [rows[engine] for rows in rounds]
        print(f"median over rounds, {engine}: build {statistics.median(r['build'] for r in column):.2f} s "
              f"({statistics.median(r['build_cpu'] for r in column):.1f} CPU s), "
              f"index {statistics.median(r['index_mb'] for r in column):.0f} MB, "
              f"median {statistics.median(r['plain'][0] for r in column):.3f} ms, "
              f"p99 {statistics.median(r['plain'][1] for r in column):.3f} ms, "
              f"with snippets {statistics.median(r['snip'][0] for r in column):.3f} / "
              f"{statistics.median(r['snip'][1] for r in column):.3f} ms")
    print(f"raw text (title + body): {rounds[0]['newsdesk']['text_mb']:.0f} MB")


if __name__ == "__main__":
    main()
