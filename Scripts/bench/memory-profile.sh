#!/usr/bin/env bash
# What holds the memory of a serving Newsdesk: runs the release binary under heaptrack on the first
# COUNT articles of the 100,000-article corpus, waits until /ready answers, kills it (SIGKILL, so
# that nothing is freed on the way out and everything allocated and not freed is the live set), and
# prints the live heap by the Newsdesk function that allocated it (Scripts/bench/heap_by_builder.py).
# heaptrack slows the start-up about 5x: 25,000 articles take 3 to 4 minutes.
#
#   Scripts/bench/memory-profile.sh [COUNT] [DEPTH]      (defaults 25000 and 2)
#
# SERVE_ARGS="--no-entities" adds those flags to `newsdesk serve` (split on spaces), as in
# startup.sh: the server without entity extraction, whose memory issue 2's target reads.
#
# Needs: apt-get install -y heaptrack.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
COUNT="${1:-25000}"
DEPTH="${2:-2}"
FULL="${TMPDIR:-/tmp}/news-100000.jsonl"
CORPUS="${TMPDIR:-/tmp}/news-first-$COUNT.jsonl"
TRACE="${TMPDIR:-/tmp}/newsdesk-heaptrack-$COUNT"
read -r -a SERVE_ARGS <<< "${SERVE_ARGS:-}"
export PATH="/opt/swift/usr/bin:$PATH"

command -v heaptrack >/dev/null || { echo "needs heaptrack: apt-get install -y heaptrack"; exit 1; }
[ -f "$FULL" ] || python3 "$SHARED/corpus/make_scaled.py" --count 100000 --out "$FULL"
[ -f "$CORPUS" ] || head -n "$COUNT" "$FULL" > "$CORPUS"
BIN="${NEWSDESK_BIN:-}"
if [ -z "$BIN" ]; then
  (cd "$ROOT" && swift build -c release --product newsdesk --scratch-path .build-release)
  BIN="$ROOT/.build-release/release/newsdesk"
fi
rm -f "$TRACE".*
out=$(mktemp)
heaptrack -o "$TRACE" "$BIN" serve --port 0 --no-access-log --data "$CORPUS" "${SERVE_ARGS[@]}" > "$out" 2>&1 &
wrapper=$!
port=""
until [ -n "$port" ]; do
  kill -0 "$wrapper" || { cat "$out"; exit 1; }
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$out" | grep -o '[0-9]*$' || true)
  sleep 0.5
done
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ]; do sleep 1; done
rss_kb=$(for child in $(pgrep -P "$wrapper"); do awk '/VmRSS/{print $2}' "/proc/$child/status"; done | tail -1)
kill -KILL $(pgrep -P "$wrapper")
wait "$wrapper" 2>/dev/null || true
rm -f "$out"
stacks=$(mktemp)
heaptrack_print -f "$TRACE".zst --print-leaks 0 --print-peaks 0 --print-allocators 0 --print-temporary 0 \
  --flamegraph-cost-type leaked -F "$stacks" > /dev/null 2>&1
echo "$COUNT articles${SERVE_ARGS[*]:+ (${SERVE_ARGS[*]})}: resident $((rss_kb / 1024)) MB under heaptrack once ready"
python3 "$ROOT/Scripts/bench/heap_by_builder.py" "$stacks" "$DEPTH"
rm -f "$stacks"
