#!/usr/bin/env bash
# What gzip costs per request. Serves a corpus with the release binary, picks the article record of
# median size, and reports for it: its size identity and gzipped; zlib's own time to compress it
# (Python's zlib binding, the same system libz, median of 2000 calls); and, per compression level,
# the mean time a request spends in the server (from /metrics: the latency histogram's sum/count
# for /v1/articles/{id}) and the throughput wrk measures, with and without `Accept-Encoding: gzip`,
# and without it with compression turned off (what the middleware costs a client that never asks).
#
#   Scripts/bench/compression.sh [corpus] [seconds] [rounds]   (defaults ../shared/corpus/news/bbc.jsonl, 5, 3)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DATA="${1:-$ROOT/../shared/corpus/news/bbc.jsonl}"
SECONDS_PER_RUN="${2:-5}"
ROUNDS="${3:-3}"
export PATH="/opt/swift/usr/bin:$PATH"
(cd "$ROOT" && swift build -c release --product newsdesk >/dev/null)
BIN="$ROOT/.build/release/newsdesk"
work="$(mktemp -d)"
pid=""
stop() { [ -n "$pid" ] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; pid=""; }
trap 'stop; rm -rf "$work"' EXIT

# start LEVEL: a server with that compression level (0 = off); sets $base.
start() {
  NEWSDESK_COMPRESSION_LEVEL="$1" "$BIN" serve --port 0 --threads 1 --no-access-log --data "$DATA" \
    > "$work/stdout" 2>/dev/null &
  pid=$!
  local port=""
  for _ in $(seq 1200); do
    port=$(grep -o '[0-9]*$' "$work/stdout" 2>/dev/null || true)
    [ -n "$port" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ] && break
    sleep 0.05
  done
  base="http://127.0.0.1:$port"
}

# mean_us: mean in-server microseconds per /v1/articles/{id} request since the given "sum count".
histogram() {
  curl -s "$base/metrics" | awk '/request_duration_seconds_(sum|count)\{route="\/v1\/articles\/\{id\}"\}/ {v[$1 ~ /_sum/ ? "s" : "c"] = $2}
    END {printf "%s %s\n", v["s"] + 0, v["c"] + 0}'
}

# run ACCEPT-ENCODING: prints "requests/s mean-µs-in-server".
run() {
  local before after
  before=$(histogram)
  local rps
  rps=$(wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" ${1:+-H "Accept-Encoding: $1"} "$base/v1/articles/$id" |
    awk '/Requests\/sec/ {print $2}')
  after=$(histogram)
  read -r s0 c0 <<< "$before"
  read -r s1 c1 <<< "$after"
  awk -v r="$rps" -v s="$(echo "$s1 - $s0" | bc -l)" -v c="$((c1 - c0))" 'BEGIN {printf "%.0f req/s %.1f us\n", r, s / c * 1e6}'
}

start 6
ids=$(curl -s "$base/v1/articles?limit=100" | python3 -c 'import json,sys; print(" ".join(i["id"] for i in json.load(sys.stdin)["items"]))')
for candidate in $ids; do
  echo "$(curl -s "$base/v1/articles/$candidate" | wc -c) $candidate"
done | sort -n > "$work/sizes"
id=$(awk -v n="$(wc -l < "$work/sizes")" 'NR == int((n + 1) / 2) {print $2}' "$work/sizes")
curl -s "$base/v1/articles/$id" > "$work/record"
gzip_bytes=$(curl -s -H 'Accept-Encoding: gzip' "$base/v1/articles/$id" | wc -c)
echo "corpus: $DATA"
echo "median record of 100: /v1/articles/$id, $(wc -c < "$work/record") bytes identity, $gzip_bytes bytes gzip (level 6)"
python3 - "$work/record" <<'PY'
import statistics, sys, time, zlib
data = open(sys.argv[1], "rb").read()
for level in (1, 6, 9):
    times = []
    for _ in range(2000):
        start = time.perf_counter_ns()
        compressor = zlib.compressobj(level, zlib.DEFLATED, 31)
        out = compressor.compress(data) + compressor.flush()
        times.append(time.perf_counter_ns() - start)
    print(f"zlib {zlib.ZLIB_RUNTIME_VERSION} level {level}: {len(out)} bytes, median {statistics.median(times) / 1000:.1f} us")
PY
stop
# Rounds interleave the configurations, so a busy spell on the shared machine hits them all alike.
configurations=("6 -" "0 -" "1 gzip" "6 gzip" "9 gzip")
for round in $(seq "$ROUNDS"); do
  for configuration in "${configurations[@]}"; do
    read -r level encoding <<< "$configuration"
    start "$level"
    echo "$level $encoding $(run "${encoding#-}")" >> "$work/runs"
    stop
  done
done
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
echo "medians of $ROUNDS rounds, wrk -t1 -c1 -d${SECONDS_PER_RUN}s, one event loop:"
for configuration in "${configurations[@]}"; do
  read -r level encoding <<< "$configuration"
  case "$level $encoding" in
    "6 -") label="identity (no Accept-Encoding)" ;;
    "0 -") label="identity, compression off" ;;
    *) label="gzip level $level" ;;
  esac
  rows=$(awk -v l="$level" -v e="$encoding" '$1 == l && $2 == e' "$work/runs")
  printf "%-32s %8s req/s  %6s us in server  (req/s: %s)\n" "$label" "$(awk '{print $3}' <<< "$rows" | median)" \
    "$(awk '{print $5}' <<< "$rows" | median)" "$(awk '{print $3}' <<< "$rows" | sort -n | paste -sd' ')"
done
