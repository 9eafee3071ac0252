#!/usr/bin/env bash
# Newsdesk beside the peer servers (nginx static, Hummingbird 2, FlyingFox) in one run, with the
# shared wrk script: GET /v1/articles/{id} and GET /v1/articles?limit=20 over 10,000 articles at
# 64 and 8 connections. Not part of CI (it takes ~10 minutes and wants a quiet machine).
#
#   Scripts/bench/peers.sh [RUNS]        (default 3 runs; figures go to Docs/BENCHMARKS.md by hand)
#
# NEWSDESK_BIN=PATH measures that binary instead of building this tree's release binary.
#
# Needs: apt-get install -y wrk nginx; ../shared/bench/peers beside the repository.
# The peers' package is copied to $WORK (the shared folder is read-only) and built once there.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
WORK="${WORK:-${TMPDIR:-/tmp}/newsdesk-bench-peers}"
RUNS="${1:-3}"
export PATH="/opt/swift/usr/bin:$PATH"

command -v wrk >/dev/null && command -v nginx >/dev/null || {
  echo "needs wrk and nginx: apt-get install -y wrk nginx"; exit 1; }
mkdir -p "$WORK"
if [ ! -f "$WORK/peers/Package.swift" ]; then
  cp -r "$SHARED/bench/peers" "$WORK/peers" && chmod -R u+w "$WORK/peers"
fi
# The shared script waits for GET /health, which Newsdesk answers (liveness) while it is still
# loading; in the working copy, wait for Newsdesk's /ready instead, and for up to 5 minutes (a
# loaded machine slows the start).
sed -i -e 's|curl -sf -o /dev/null "http://127.0.0.1:$port/health"|curl -sf -o /dev/null "http://127.0.0.1:$port$([ "$p" = newsdesk ] \&\& echo /ready \|\| echo /health)"|' \
  -e 's|for _ in $(seq 300); do|for _ in $(seq 1500); do|' "$WORK/peers/run_peers.sh"
for peer in hb-peer ff-peer; do
  [ -x "$WORK/peers/.build-$peer/release/$peer" ] || (cd "$WORK/peers" && ./build.sh "$peer")
done
BIN=$(newsdesk_binary "${NEWSDESK_BIN:-}")

# Peers log nothing per request; so that the comparison is like for like, neither does Newsdesk.
export NEWSDESK_ACCESS_LOG=false
for run in $(seq "$RUNS"); do
  echo "== run $run of $RUNS"
  NEWSDESK_BIN="$BIN" PEERS="${PEERS:-nginx hb-peer ff-nodelay newsdesk}" \
    "$WORK/peers/run_peers.sh"
done
python3 "$WORK/peers/summarize.py" "$WORK"/peers/results/run-*.tsv
