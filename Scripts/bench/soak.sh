#!/usr/bin/env bash
# Soak: wrk over a mix of endpoints (Scripts/bench/soak.lua) against a release build serving a
# scaled corpus, first on keep-alive connections, then with connection churn (Connection: close on
# every request). Reports requests, socket errors and non-2xx answers of each phase, and the
# server's resident memory after warm-up and after the run; fails when there was any socket error
# or non-2xx answer, or when memory grew by more than 10%. Not part of CI (it runs for minutes).
#
#   Scripts/bench/soak.sh                      DURATION=300 s per phase, 3,000 articles
#   DURATION=60 ARTICLES=10000 CONNECTIONS=64 Scripts/bench/soak.sh
#
# Needs wrk (apt-get install -y wrk) and ../shared/corpus/make_scaled.py beside the repository.
# The corpus is written under $WORK (default /tmp/newsdesk-soak), never into the repository.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
SHARED="${SHARED:-$ROOT/../shared}"
WORK="${WORK:-${TMPDIR:-/tmp}/newsdesk-soak}"
DURATION="${DURATION:-300}"
WARMUP="${WARMUP:-30}"
ARTICLES="${ARTICLES:-3000}"
CONNECTIONS="${CONNECTIONS:-64}"
CHURN_CONNECTIONS="${CHURN_CONNECTIONS:-16}"
export PATH="/opt/swift/usr/bin:$PATH"
command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk"; exit 1; }

mkdir -p "$WORK"
corpus="$WORK/news-$ARTICLES.jsonl"
[ -f "$corpus" ] || python3 "$SHARED/corpus/make_scaled.py" --count "$ARTICLES" --out "$corpus"
BIN=$(newsdesk_binary "${BIN:-}")

trap 'newsdesk_stop' EXIT
NEWSDESK_ACCESS_LOG=false newsdesk_start "$WORK/server" "$BIN" --data "$(realpath "$corpus")"
server=$NEWSDESK_PID
newsdesk_wait_ready "$WORK/server"
base=$NEWSDESK_URL

# Ids for the Lua script, read from the server itself.
curl -s "$base/v1/articles?limit=100" | python3 -c 'import json,sys; [print(i["id"]) for i in json.load(sys.stdin)["items"]]' >"$WORK/articles.txt"
curl -s "$base/v1/entities?limit=100" | python3 -c 'import json,sys; [print(i["id"]) for i in json.load(sys.stdin)["items"]]' >"$WORK/entities.txt"

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
failed=0
phase() { # name, connections, seconds, extra Lua argument
  local out="$WORK/wrk-$1.txt"
  wrk -t2 -c"$2" -d"$3"s --latency -s "$ROOT/Scripts/bench/soak.lua" "$base" -- \
    "$WORK/articles.txt" "$WORK/entities.txt" "${4:-}" >"$out"
  local requests errors non2xx rps p50 p99
  requests=$(awk '/requests in/ {print $1}' "$out")
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errors=$(awk -F'[ ,]+' '/Socket errors/ {print $4 + $6 + $8 + $10}' "$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$out")
  errors=${errors:-0}
  non2xx=${non2xx:-0}
  printf '%-10s %3s conns %4ss: %9s requests, %9s req/s, p50 %8s, p99 %8s, socket errors %s, non-2xx %s\n' \
    "$1" "$2" "$3" "$requests" "$rps" "$p50" "$p99" "$errors" "$non2xx"
  if [ "$errors" != 0 ] || [ "$non2xx" != 0 ]; then failed=1; grep -E 'Socket|Non-2xx' "$out"; fi
}

echo "soak: $ARTICLES articles, release build, port $NEWSDESK_PORT, $(nproc) cores"
phase warm-up "$CONNECTIONS" "$WARMUP"
rss_warm=$(rss)
phase keep-alive "$CONNECTIONS" "$DURATION"
rss_keep=$(rss)
phase churn "$CHURN_CONNECTIONS" "$DURATION" close
rss_after=$(rss)
growth=$(python3 -c "print(f'{($rss_after - $rss_warm) * 100 / $rss_warm:+.1f}')")
echo "RSS: $rss_warm KiB after warm-up, $rss_keep KiB after keep-alive, $rss_after KiB after churn ($growth%)"
python3 -c "import sys; sys.exit(0 if $rss_after <= $rss_warm * 1.10 else 1)" || { echo "RSS grew more than 10%"; failed=1; }
kill -0 $server 2>/dev/null || { echo "the server died"; failed=1; }
[ "$failed" = 0 ] && echo "soak: passed" || { echo "soak: FAILED"; exit 1; }
