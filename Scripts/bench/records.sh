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
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
DATA="${DATA:-${TMPDIR:-/tmp}/newsdesk-peers/articles-10000.json}"
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
    for scenario in one shuffled; do
      script=(); [ "$scenario" = shuffled ] && script=(-s "$ROOT/Scripts/bench/records.lua")
      wrk -t1 -c8 -d3s "${script[@]}" "http://127.0.0.1:$port/v1/articles/a5000" > /dev/null
      before=$(cpu_ticks "$pid")
      report=$(wrk -t1 -c8 -d10s --latency "${script[@]}" "http://127.0.0.1:$port/v1/articles/a5000")
      after=$(cpu_ticks "$pid")
      rps=$(awk '/Requests\/sec/{print $2}' <<< "$report")
      p50=$(awk '$1 == "50%" {print $2}' <<< "$report")
      p99=$(awk '$1 == "99%" {print $2}' <<< "$report")
      awk -v r="$run" -v b="$bin" -v s="$scenario" -v rps="$rps" -v c=$((after - before)) -v t="$tck" \
        -v l="$(cut -d' ' -f1 /proc/loadavg)" -v p50="$p50" -v p99="$p99" \
        'BEGIN { printf "run %d  %-40s %-9s %9.0f req/s  %6.1f ms CPU per 1k requests  p50 %s  p99 %s  (load %s)\n", r, b, s, rps, c / t * 1000 / (rps * 10 / 1000), p50, p99, l }'
    done
    newsdesk_stop
  done
done
