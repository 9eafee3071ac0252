#!/usr/bin/env bash
# What gzip costs per request. Serves a corpus with the release binary (one event loop) and measures
# two bodies of about the same size: the article record of median size, whose gzip is kept after
# the first gzip request, and a page of ten summaries (/v1/articles?limit=10), compressed on every
# request. For each: its size identity and gzipped; zlib's own time to compress it (Python's zlib
# binding, the same system libz, median of 2000 calls, stream set-up included); and, per
# configuration, the mean time a request spends in the server (from /metrics: the latency
# histogram's sum / count for its route) and wrk's throughput, without `Accept-Encoding` (with
# compression on, and off: what the middleware costs a client that never asks) and with gzip at
# levels 1, 6 and 9. Rounds interleave the configurations; medians are printed.
#
#   Scripts/bench/compression.sh [corpus] [seconds] [rounds]   (defaults ../shared/corpus/news/bbc.jsonl, 5, 3)
#
# Environment: BIN (a built newsdesk; default: build the release binary into .build-release).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
DATA="${1:-$ROOT/../shared/corpus/news/bbc.jsonl}"
SECONDS_PER_RUN="${2:-5}"
ROUNDS="${3:-3}"
export PATH="/opt/swift/usr/bin:$PATH"
BIN=$(newsdesk_binary "${BIN:-}")
DATA="$(realpath "$DATA")"
work="$(mktemp -d)"
trap 'newsdesk_stop; rm -rf "$work"' EXIT

# start LEVEL: a server with that compression level (0 = off); sets $base.
start() {
  NEWSDESK_COMPRESSION_LEVEL="$1" newsdesk_start "$work/server" "$BIN" --threads 1 --no-access-log --data "$DATA"
  newsdesk_wait_ready "$work/server"
  base=$NEWSDESK_URL
}

# histogram ROUTE: "sum count" of the route's latency histogram now.
histogram() {
  curl -s "$base/metrics" | awk -v route="route=\"$1\"" 'index($0, route) && /request_duration_seconds_(sum|count)\{/ {
    v[$1 ~ /_sum/ ? "s" : "c"] = $2} END {printf "%s %s\n", v["s"] + 0, v["c"] + 0}'
}

# run PATH ROUTE ACCEPT-ENCODING: prints "requests/s mean-µs-in-server".
run() {
  local before after rps
  before=$(histogram "$2")
  rps=$(wrk -t1 -c1 -d"${SECONDS_PER_RUN}s" ${3:+-H "Accept-Encoding: $3"} "$base$1" | awk '/Requests\/sec/ {print $2}')
  after=$(histogram "$2")
  read -r s0 c0 <<< "$before"
  read -r s1 c1 <<< "$after"
  awk -v r="$rps" -v s="$(echo "$s1 - $s0" | bc -l)" -v c="$((c1 - c0))" 'BEGIN {printf "%.0f %.1f\n", r, s / c * 1e6}'
}

start 1
ids=$(curl -s "$base/v1/articles?limit=100" | python3 -c 'import json,sys; print(" ".join(i["id"] for i in json.load(sys.stdin)["items"]))')
for candidate in $ids; do
  echo "$(curl -s "$base/v1/articles/$candidate" | wc -c) $candidate"
done | sort -n > "$work/sizes"
id=$(awk -v n="$(wc -l < "$work/sizes")" 'NR == int((n + 1) / 2) {print $2}' "$work/sizes")
targets=("/v1/articles/$id|/v1/articles/{id}" "/v1/articles?limit=10|/v1/articles")
echo "corpus: $DATA"
for target in "${targets[@]}"; do
  path="${target%%|*}"
  curl -s "$base$path" > "$work/body"
  echo "$path: $(wc -c < "$work/body") bytes identity, $(curl -s -H 'Accept-Encoding: gzip' "$base$path" | wc -c) gzip level 1"
  python3 - "$work/body" <<'PY'
import statistics, sys, time, zlib
data = open(sys.argv[1], "rb").read()
for level in (1, 6, 9):
    times = []
    for _ in range(2000):
        start = time.perf_counter_ns()
        compressor = zlib.compressobj(level, zlib.DEFLATED, 31)
        out = compressor.compress(data) + compressor.flush()
        times.append(time.perf_counter_ns() - start)
    print(f"  zlib {zlib.ZLIB_RUNTIME_VERSION} level {level}: {len(out)} bytes, median {statistics.median(times) / 1000:.1f} us")
PY
done
newsdesk_stop

configurations=("1 -" "0 -" "1 gzip" "6 gzip" "9 gzip")
for _ in $(seq "$ROUNDS"); do
  for configuration in "${configurations[@]}"; do
    read -r level encoding <<< "$configuration"
    start "$level"
    for target in "${targets[@]}"; do
      echo "$level $encoding ${target%%|*} $(run "${target%%|*}" "${target##*|}" "${encoding#-}")" >> "$work/runs"
    done
    newsdesk_stop
  done
done

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
echo "medians of $ROUNDS rounds, wrk -t1 -c1 -d${SECONDS_PER_RUN}s, one event loop:"
for target in "${targets[@]}"; do
  path="${target%%|*}"
  echo "$path"
  for configuration in "${configurations[@]}"; do
    read -r level encoding <<< "$configuration"
    case "$level $encoding" in
      "1 -") label="identity (no Accept-Encoding)" ;;
      "0 -") label="identity, compression off" ;;
      *) label="gzip level $level" ;;
    esac
    rows=$(awk -v l="$level" -v e="$encoding" -v p="$path" '$1 == l && $2 == e && $3 == p' "$work/runs")
    printf "  %-30s %7s req/s %7s us in server   (req/s runs: %s)\n" "$label" "$(awk '{print $4}' <<< "$rows" | median)" \
      "$(awk '{print $5}' <<< "$rows" | median)" "$(awk '{print $4}' <<< "$rows" | sort -n | paste -sd' ')"
  done
done
