#!/usr/bin/env python3
"""Checks that two running servers answer GET /v1/search identically, byte for byte.

    Scripts/bench/search-same-output.py BASE_URL NEW_URL

Both servers must serve the same corpus (e.g. the base build and a new one, each started with
`newsdesk serve --data /tmp/news-5000.jsonl`; the filters name sources and categories of
make_scaled.py's corpora). Runs every query below with every parameter set
(sorts, filters, date ranges, facets, collapse=false, paging, highlight=false, match=any), then
follows `cursor` links for a few queries, and prints `N identical, N different`, exiting non-zero
on any difference. The `Server-Timing` header is not compared (it is a measured time).
"""
import json
import sys
import urllib.parse
import urllib.request

QUERIES = [
    "government", "market", "fell", "bank rates", "election OR vote", "market -oil", '"interest rates"',
    '"prime minister"', "gov*", "mark*", "goverment", "markte", "title:market", "the", "minister AND NOT election",
    "(oil OR gas) prices", "source:reuters21578-04", "absentwordxyz", "economy~1", "12bn", "U.S.", "café", "rate~2",
]
PARAMETER_SETS = [
    {},
    {"sort": "date"},
    {"sort": "-date"},
    {"source": "reuters21578-11"},
    {"category": "news", "source": "reuters21578-20"},
    {"category": "acq", "source": "reuters21578-20", "facets": "source,category,month,entity.person"},
    {"from": "2020-01-01", "to": "2023-12-31"},
    {"facets": "source,category,month,entity.person"},
    {"facets": ""},
    {"collapse": "false"},
    {"offset": "20", "limit": "7"},
    {"limit": "100"},
    {"highlight": "false"},
    {"match": "any"},
    {"sort": "-date", "category": "business", "facets": "category,source"},
    {"sort": "date", "source": "reuters21578-37", "from": "2019-01-01", "collapse": "false"},
]


def fetch(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def main():
    base, new = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/")
    same = different = 0

    def compare(path):
        nonlocal same, different
        a, b = fetch(base, path), fetch(new, path)
        if a == b:
            same += 1
        else:
            different += 1
            print("DIFFERENT", path, a[0], b[0], len(a[1]), len(b[1]))
        return a

    for query in QUERIES:
        for parameters in PARAMETER_SETS:
            compare("/v1/search?" + urllib.parse.urlencode({"q": query, **parameters}))
    for query in ["market", "government", "election OR vote"]:
        for sort in ["relevance", "date", "-date"]:
            path = "/v1/search?" + urllib.parse.urlencode({"q": query, "sort": sort, "limit": "13"})
            for _ in range(6):
                status, body = compare(path)
                cursor = json.loads(body).get("cursor") if status == 200 else None
                if not cursor:
                    break
                path = "/v1/search?" + urllib.parse.urlencode(
                    {"q": query, "sort": sort, "limit": "13", "cursor": cursor})
    print(f"{same} identical, {different} different")
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
