#!/usr/bin/env bash
# /v1/suggest latency on the bundled sample corpus, as a browser typing into the search box sees it:
# one wrk connection cycling through prefixes of 1 to 4 letters (Scripts/bench/suggest.lua), RUNS
# runs of SECONDS each; prints wrk's median and 99th-percentile latency per run (the whole round trip
# over loopback, so an upper bound on the server's own time). The target is under a millisecond.
#
#   Scripts/bench/suggest.sh [RUNS] [SECONDS]      (defaults 3 and 5)
#
# Environment: BIN (a built newsdesk; default: build the release binary into .build-release).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
RUNS="${1:-3}"
SECONDS_PER_RUN="${2:-5}"
export PATH="/opt/swift/usr/bin:$PATH"

command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk"; exit 1; }
BIN=$(newsdesk_binary "${BIN:-}")
out=$(mktemp)
trap 'newsdesk_stop; rm -f "$out" "$out.err"' EXIT
newsdesk_start "$out" "$BIN" --threads 1 --no-access-log
newsdesk_wait_ready "$out"
port=$NEWSDESK_PORT

echo "run  requests/s  p50  p99   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
for run in $(seq "$RUNS"); do
  wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" --latency -s "$ROOT/Scripts/bench/suggest.lua" "http://127.0.0.1:$port" \
    | awk -v run="$run" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {print run, rps, p50, p99}'
done
