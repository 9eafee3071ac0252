#!/usr/bin/env bash
# The list endpoint's cost with summaries written per request: each newsdesk binary given is started
# on the peers' 10,000 articles and measured with wrk (-t1, 8 connections, DUR seconds each) on the
# first page (`/v1/articles?limit=20`), a deep one (`?limit=20&offset=5000`) and pages at offsets
# spread over the corpus in a shuffled order (`list-pages.lua`: summaries mostly not in the summary
# cache), reporting requests per second and the server's CPU milliseconds per 1,000 requests (user
# + system from /proc, before and after). Binaries are measured in turn, RUNS rounds, so that before
# and after share the machine.
#
#   Scripts/bench/list.sh RUNS BINARY...
#   e.g. Scripts/bench/list.sh 3 /tmp/newsdesk-base .build-release/release/newsdesk
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
DATA="${DATA:-${TMPDIR:-/tmp}/newsdesk-peers/articles-10000.json}"
DUR="${DUR:-8}"
RUNS="$1"; shift
newsdesk_peers_data "$DATA"
tck=$(getconf CLK_TCK)
out=$(mktemp)
trap 'newsdesk_stop; rm -f "$out" "$out.err"' EXIT

for run in $(seq "$RUNS"); do
  for bin in "$@"; do
    newsdesk_start "$out" "$(realpath "$bin")" --no-access-log --data "$(realpath "$DATA")"
    newsdesk_wait_ready "$out"
    pid=$NEWSDESK_PID port=$NEWSDESK_PORT
    for path in "/v1/articles?limit=20" "/v1/articles?limit=20&offset=5000" "spread"; do
      script=(); url="http://127.0.0.1:$port$path"
      [ "$path" = spread ] && { script=(-s "$ROOT/Scripts/bench/list-pages.lua"); url="http://127.0.0.1:$port/"; }
      wrk -t1 -c8 -d2s "${script[@]}" "$url" > /dev/null
      before=$(cpu_ticks "$pid")
      report=$(wrk -t1 -c8 -d"${DUR}s" "${script[@]}" "$url")
      after=$(cpu_ticks "$pid")
      rps=$(awk '/Requests\/sec/{print $2}' <<< "$report")
      awk -v r="$run" -v b="$bin" -v p="$path" -v rps="$rps" -v c=$((after - before)) -v t="$tck" -v d="$DUR" \
        -v l="$(cut -d' ' -f1 /proc/loadavg)" \
        'BEGIN { printf "run %d  %-28s %-36s %9.0f req/s  %6.2f ms CPU per 1k requests  (load %s)\n", r, b, p, rps, c / t * 1000 / (rps * d / 1000), l }'
    done
    newsdesk_stop
  done
done
