#!/usr/bin/env bash
# Checks that two builds serve the same corpus identically: starts each release binary in turn on
# CORPUS (loopback, port 0), fetches the same URLs (stats without timings, entity lists and
# details, entity articles and timelines, entity-filtered and plain searches, 100 article records,
# suggestions, list pages in every order and filter, related articles) and diffs the bodies. Used
# to hold a faster start-up to the output of the old one.
#
#   Scripts/bench/same-output.sh BIN_A BIN_B CORPUS
#
set -u
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
fetch() {
  local bin=$1 out=$2 log; log=$(mktemp); mkdir -p "$out"
  newsdesk_start "$log" "$(realpath "$bin")" --no-access-log --data "$(realpath "$3")"
  newsdesk_wait_ready "$log" || { echo "$bin did not get ready"; exit 1; }
  local base=$NEWSDESK_URL
  curl -s "$base/v1/stats" | python3 -c 'import json,sys; s=json.load(sys.stdin); [s.pop(k) for k in ("loadedAt","indexingSeconds")]; s["load"].pop("seconds"); print(json.dumps(s, sort_keys=True))' > "$out/stats"
  curl -s "$base/v1/entities?limit=100&sort=mentions" > "$out/entities-mentions"
  curl -s "$base/v1/entities?limit=100&sort=name&offset=200" > "$out/entities-name"
  curl -s "$base/v1/entities?limit=100&q=ma" > "$out/entities-q"
  for id in $(python3 -c 'import json,sys; [print(e["id"]) for e in json.load(open(sys.argv[1]))["items"][:40]]' "$out/entities-mentions"); do
    f=$(echo "$id" | tr '/' '_')
    curl -s "$base/v1/entities/$id" > "$out/e-$f"
    curl -s "$base/v1/entities/$id/articles?limit=50" > "$out/ea-$f"
    curl -s "$base/v1/entities/$id/timeline?interval=month" > "$out/et-$f"
    curl -s "$base/v1/search?q=said&entity=$id&limit=20" > "$out/s-$f"
    upper=$(echo "$id" | tr 'a-z' 'A-Z')
    curl -s "$base/v1/search?q=entity:$upper&limit=5&facets=source,month,entity.person,entity.organization" > "$out/k-$f"
  done
  # Keyword terms by entity name (any case) and facets of every kind, over the keyword columns.
  for name in $(python3 -c 'import json,sys,urllib.parse; [print(urllib.parse.quote(chr(34) + e["name"].lower() + chr(34))) for e in json.load(open(sys.argv[1]))["items"][:20]]' "$out/entities-mentions"); do
    curl -s "$base/v1/search?q=entity:$name&limit=5&facets=entity.person,entity.location,category" > "$out/n-$name"
  done
  curl -s "$base/v1/search?q=the&limit=1&facets=source,category,month,entity.person,entity.organization,entity.location" > "$out/facets-all"
  for q in minister "election%20OR%20vote" "port" "bank%20rates" "gov*"; do
    curl -s "$base/v1/search?q=$q&limit=50" > "$out/q-$q"
  done
  curl -s "$base/v1/articles?limit=100" > "$out/articles"
  for id in $(python3 -c 'import json,sys; [print(e["id"]) for e in json.load(open(sys.argv[1]))["items"][:100]]' "$out/articles"); do
    curl -s "$base/v1/articles/$id" > "$out/a-$id"
  done
  curl -s "$base/v1/suggest?q=ma" > "$out/suggest"
  # List pages in every order, deep offsets, source, category and date filters, and related
  # articles: summaries are written per request from the article and its excerpt's end.
  for query in "sort=id&limit=100" "sort=id&offset=1500&limit=100" "sort=date&limit=100" "sort=date&offset=1950&limit=100" \
    "offset=1000&limit=100" "offset=1990&limit=20" "offset=5000" "source=reuters21578-40&limit=100" \
    "category=news&sort=id&limit=50&offset=10" "category=acq&category=earn&sort=date&limit=100" \
    "from=2022-03-01&to=2022-03-31&limit=100" "to=2019-06-05&sort=id&limit=100" "from=2024-12-01T12:00:00Z&sort=date" "from=2030-01-01"; do
    curl -s "$base/v1/articles?$query" > "$out/list-$(echo "$query" | tr '&=/' '_-_')"
  done
  for id in $(python3 -c 'import json,sys; [print(e["id"]) for e in json.load(open(sys.argv[1]))["items"][:10]]' "$out/articles"); do
    curl -s "$base/v1/articles/$id/related?limit=20" > "$out/r-$id"
  done
  newsdesk_stop; rm -f "$log" "$log.err"
}
rm -rf ${OUT:-${TMPDIR:-/tmp}/newsdesk-same-output}/a ${OUT:-${TMPDIR:-/tmp}/newsdesk-same-output}/b
fetch "$1" ${OUT:-${TMPDIR:-/tmp}/newsdesk-same-output}/a "$3"
fetch "$2" ${OUT:-${TMPDIR:-/tmp}/newsdesk-same-output}/b "$3"
echo "files: $(ls ${OUT:-${TMPDIR:-/tmp}/newsdesk-same-output}/a | wc -l), bytes: $(cat ${OUT:-${TMPDIR:-/tmp}/newsdesk-same-output}/a/* | wc -c)"
diff -rq ${OUT:-${TMPDIR:-/tmp}/newsdesk-same-output}/a ${OUT:-${TMPDIR:-/tmp}/newsdesk-same-output}/b && echo IDENTICAL
