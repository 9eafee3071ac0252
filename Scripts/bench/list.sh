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
DATA="${DATA:-${TMPDIR:-/tmp}/newsdesk-peers/articles-10000.json}"
DUR="${DUR:-8}"
RUNS="$1"; shift
[ -s "$DATA" ] || { mkdir -p "$(dirname "$DATA")"; python3 "$SHARED/bench/peers/gen_articles.py" -n 10000 -o "$DATA"; }
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

for run in $(seq "$RUNS"); do
  for bin in "$@"; do
    out=$(mktemp)
    env -C "${TMPDIR:-/tmp}" "$(realpath "$bin")" serve --port 0 --no-access-log --data "$(realpath "$DATA")" > "$out" 2>/dev/null &
    pid=$!
    port=""
    for _ in $(seq 400); do port=$(grep -o '[0-9]*$' "$out" 2>/dev/null || true); [ -n "$port" ] && break; sleep 0.05; done
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ]; do
      kill -0 "$pid" || { echo "newsdesk died"; exit 1; }; sleep 0.1; done
    for path in "/v1/articles?limit=20" "/v1/articles?limit=20&offset=5000" "spread"; do
      script=(); url="http://127.0.0.1:$port$path"
      [ "$path" = spread ] && { script=(-s "$ROOT/Scripts/bench/list-pages.lua"); url="http://127.0.0.1:$port/"; }
      wrk -t1 -c8 -d2s "${script[@]}" "$url" > /dev/null
      before=$(cpu "$pid")
      report=$(wrk -t1 -c8 -d"${DUR}s" "${script[@]}" "$url")
      after=$(cpu "$pid")
      rps=$(awk '/Requests\/sec/{print $2}' <<< "$report")
      awk -v r="$run" -v b="$bin" -v p="$path" -v rps="$rps" -v c=$((after - before)) -v t="$tck" -v d="$DUR" \
        -v l="$(cut -d' ' -f1 /proc/loadavg)" \
        'BEGIN { printf "run %d  %-28s %-36s %9.0f req/s  %6.2f ms CPU per 1k requests  (load %s)\n", r, b, p, rps, c / t * 1000 / (rps * d / 1000), l }'
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -f "$out"
  done
done
