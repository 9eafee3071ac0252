#!/usr/bin/env bash
# Start-up at scale: writes a corpus of COUNT articles with the shared make_scaled.py, starts the
# release binary on it, and reports the time until /ready answers 200, the resident memory then,
# and the corpus's size on disk, with the phases from /v1/stats (load, entity extraction, search
# indexing; the rest is sorting, pre-rendering the JSON records and binding), the process's CPU
# seconds (user + system, steadier than wall time on a shared machine) and the load average.
#
#   Scripts/bench/startup.sh [COUNT] [RUNS]      (defaults 100000 and 3)
#
# NEWSDESK_BIN=PATH measures that binary instead of building this tree's release binary, so two
# builds run side by side in one sitting (e.g. the base commit built with
# `swift build -c release --product newsdesk --scratch-path .build-base`).
#
# SERVE_ARGS="--no-entities" adds those flags to `newsdesk serve` (split on spaces), e.g. to
# measure the server without entity extraction; each line then names them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
COUNT="${1:-100000}"
RUNS="${2:-3}"
CORPUS="${TMPDIR:-/tmp}/news-$COUNT.jsonl"
read -r -a SERVE_ARGS <<< "${SERVE_ARGS:-}"
export PATH="/opt/swift/usr/bin:$PATH"

[ -f "$CORPUS" ] || python3 "$SHARED/corpus/make_scaled.py" --count "$COUNT" --out "$CORPUS"
BIN=$(newsdesk_binary "${NEWSDESK_BIN:-}")
CORPUS="$(realpath "$CORPUS")"
disk_mb=$(du -m "$CORPUS" | cut -f1)

for run in $(seq "$RUNS"); do
  out=$(mktemp)
  start=$(date +%s.%N)
  newsdesk_start "$out" "$BIN" --no-access-log --data "$CORPUS" "${SERVE_ARGS[@]}"
  pid=$NEWSDESK_PID
  newsdesk_wait_ready "$out"
  port=$NEWSDESK_PORT
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  rss_mb=$(( $(awk '/VmRSS/{print $2}' /proc/$pid/status) / 1024 ))
  hwm_mb=$(( $(awk '/VmHWM/{print $2}' /proc/$pid/status) / 1024 ))
  cpu_s=$(awk -v tck="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / tck}' "/proc/$pid/stat")
  curl -sf "http://127.0.0.1:$port/v1/articles?limit=1" > /dev/null
  phases=$(curl -sf "http://127.0.0.1:$port/v1/stats" | python3 -c '
import json, sys
s = json.load(sys.stdin)
print("load %.2f s, entities %.2f s, search index %.2f s" % (
    s["load"]["seconds"], s["indexingSeconds"]["entities"], s["indexingSeconds"]["search"]))')
  newsdesk_stop
  rm -f "$out" "$out.err"
  printf 'run %d%s: ready after %.2f s (%s; CPU %s s; load %s), RSS %d MB (peak %d MB), corpus %d MB on disk (RSS/disk %.2f)\n' \
    "$run" "${SERVE_ARGS[*]:+ (${SERVE_ARGS[*]})}" "$ready" "$phases" "$cpu_s" "$(cut -d' ' -f1 /proc/loadavg)" "$rss_mb" "$hwm_mb" "$disk_mb" \
    "$(echo "$rss_mb / $disk_mb" | bc -l)"
done
