#!/usr/bin/env bash
# What HTTPS costs, and proof that supporting it costs plain HTTP nothing: one release server with
# both listeners, measured with wrk (2 threads, 64 keep-alive connections, 10 s) on plain HTTP and on
# HTTPS, then HTTPS with a new connection (a full handshake) per request; with BASELINE set to a
# binary built from a commit before TLS existed, its plain HTTP is measured in the same rounds.
# Medians of RUNS rounds; each round measures every case once, interleaved, so drift on a shared
# machine hits all cases alike. Not part of CI; figures go to Docs/BENCHMARKS-TLS.md by hand.
#
#   BASELINE=/path/to/old/newsdesk Scripts/bench/tls.sh [RUNS]     (default 5)
#   BIN=/path/to/newsdesk ...        measures that binary instead of building this checkout
#
# Needs wrk (apt-get install -y wrk) and openssl.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
RUNS="${1:-5}"
WORK="$(mktemp -d)"
export PATH="/opt/swift/usr/bin:$PATH"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

if [ -z "${BIN:-}" ]; then
  (cd "$ROOT" && swift build -c release --product newsdesk --scratch-path .build-release >/dev/null)
  BIN="$ROOT/.build-release/release/newsdesk"
fi
"$ROOT/Tests/tls/make-test-certificates.sh" "$WORK/tls"

# Starts a server with `env` settings, in the scratch folder (so no config.json is picked up);
# sets HTTP_PORT and HTTPS_PORT (empty without TLS).
start() {
  local bin=$1 out="$WORK/out-$RANDOM"
  shift
  env -C "$WORK" "$@" NEWSDESK_ACCESS_LOG=false "$bin" serve --port 0 >"$out" 2>&1 </dev/null &
  pids+=($!)
  for _ in $(seq 100); do grep -q 'listening on http://' "$out" && break; sleep 0.1; done
  HTTP_PORT=$(sed -n 's|.*listening on http://[^:]*:\([0-9]*\)$|\1|p' "$out")
  HTTPS_PORT=$(sed -n 's|.*listening on https://[^:]*:\([0-9]*\)$|\1|p' "$out")
  [ -n "$HTTP_PORT" ] || { echo "$bin did not start: $(cat "$out")" >&2; exit 1; }
  for _ in $(seq 600); do curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/ready" && break; sleep 0.1; done
}

start "$BIN" NEWSDESK_TLS_CERTIFICATE="$WORK/tls/server.pem" NEWSDESK_TLS_PRIVATE_KEY="$WORK/tls/server.key" \
  NEWSDESK_TLS_PORT=0
HTTP=$HTTP_PORT HTTPS=$HTTPS_PORT
BASE=""
if [ -n "${BASELINE:-}" ]; then
  start "$BASELINE"
  BASE=$HTTP_PORT
fi

rate() { wrk -t2 -c64 -d10s "$@" 2>/dev/null | awk '/Requests\/sec/ {print $2}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
cases=(plain https https-handshake-per-request)
[ -n "$BASE" ] && cases=(baseline-plain "${cases[@]}")
for path in /health "/v1/articles?limit=20"; do
  for run in $(seq "$RUNS"); do
    for name in "${cases[@]}"; do
      case $name in
        baseline-plain) r=$(rate "http://127.0.0.1:$BASE$path") ;;
        plain) r=$(rate "http://127.0.0.1:$HTTP$path") ;;
        https) r=$(rate "https://127.0.0.1:$HTTPS$path") ;;
        https-handshake-per-request) r=$(rate -H "Connection: close" "https://127.0.0.1:$HTTPS$path") ;;
      esac
      echo "$r" >>"$WORK/$name-${path//[^a-z0-9]/_}"
    done
  done
  for name in "${cases[@]}"; do
    printf '%-32s %-22s median %10s req/s   (runs: %s)\n' "$name" "$path" \
      "$(median <"$WORK/$name-${path//[^a-z0-9]/_}")" "$(paste -sd' ' "$WORK/$name-${path//[^a-z0-9]/_}")"
  done
done
