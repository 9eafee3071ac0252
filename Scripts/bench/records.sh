#!/usr/bin/env bash
# The article endpoint with records rendered on request: each newsdesk binary given is started on
# the peers' 10,000 articles and measured with wrk (-t1, 8 connections, 10 s) on one article (served
# from the record cache after the first request) and on every article in a shuffled order (mostly
# rendered), reporting requests per second, the server's CPU milliseconds per 1,000 requests and
# wrk's latency percentiles (p50, p99).
# Binaries are measured in turn, RUNS rounds, so that before and after share the machine's state.
#
#   Scripts/bench/records.sh RUNS BINARY...
#   e.g. Scripts/bench/records.sh 3 .build-base/release/newsdesk .build-release/release/newsdesk
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
DATA="${DATA:-${TMPDIR:-/tmp}/newsdesk-peers/articles-10000.json}"
RUNS="$1"; shift
[ -s "$DATA" ] || { mkdir -p "$(dirname "$DATA")"; python3 "$SHARED/bench/peers/gen_articles.py" -n 10000 -o "$DATA"; }
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

for run in $(seq "$RUNS"); do
  for bin in "$@"; do
    out=$(mktemp)
    "$bin" serve --port 0 --no-access-log --data "$DATA" > "$out" 2>/dev/null &
    pid=$!
    port=""
    for _ in $(seq 400); do port=$(grep -o '[0-9]*$' "$out" 2>/dev/null || true); [ -n "$port" ] && break; sleep 0.05; done
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ]; do
      kill -0 "$pid" || { echo "newsdesk died"; exit 1; }; sleep 0.1; done
    for scenario in one shuffled; do
      script=(); [ "$scenario" = shuffled ] && script=(-s "$ROOT/Scripts/bench/records.lua")
      wrk -t1 -c8 -d3s "${script[@]}" "http://127.0.0.1:$port/v1/articles/a5000" > /dev/null
      before=$(cpu "$pid")
      report=$(wrk -t1 -c8 -d10s --latency "${script[@]}" "http://127.0.0.1:$port/v1/articles/a5000")
      after=$(cpu "$pid")
      rps=$(awk '/Requests\/sec/{print $2}' <<< "$report")
      p50=$(awk '$1 == "50%" {print $2}' <<< "$report")
      p99=$(awk '$1 == "99%" {print $2}' <<< "$report")
      awk -v r="$run" -v b="$bin" -v s="$scenario" -v rps="$rps" -v c=$((after - before)) -v t="$tck" \
        -v l="$(cut -d' ' -f1 /proc/loadavg)" -v p50="$p50" -v p99="$p99" \
        'BEGIN { printf "run %d  %-40s %-9s %9.0f req/s  %6.1f ms CPU per 1k requests  p50 %s  p99 %s  (load %s)\n", r, b, s, rps, c / t * 1000 / (rps * 10 / 1000), p50, p99, l }'
    done
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -f "$out"
  done
done
