#!/usr/bin/env bash
# Reload under load: wrk runs a mix of endpoints (Scripts/bench/reload-mix.lua) against newsdesk
# while its corpus is reloaded RELOADS times, alternately by SIGHUP and by POST /v1/admin/reload.
# Between reloads a file of COUNT/10 extra articles is added or taken away, so every reload swaps in a
# different corpus (a new version). Each reload is waited for and must succeed; afterwards wrk's
# totals must show no socket error and no non-2xx answer. Ends with a `N passed, N failed` line and
# exits non-zero on any failure.
#
#   Scripts/bench/reload-under-load.sh [COUNT] [RELOADS]     (defaults 5000 and 20)
#
# Environment: BIN (a built newsdesk; default: build the release binary into .build-release),
# CONNECTIONS (32), THREADS (wrk threads, 2), TIMEOUT (wrk's per-request timeout, 2s; a request
# slower than that counts as a socket error), BASELINE_SECONDS (0: a first wrk run of that length
# without reloads, for comparison). The corpus is written under /tmp, never into the repository.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
SHARED="${SHARED:-$ROOT/../shared}"
COUNT="${1:-5000}"
RELOADS="${2:-20}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
TIMEOUT="${TIMEOUT:-2s}"
BASELINE_SECONDS="${BASELINE_SECONDS:-0}"
TOKEN="reload-bench-$$"
export PATH="/opt/swift/usr/bin:$PATH"

command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk"; exit 1; }
BIN=$(newsdesk_binary "${BIN:-}")

WORK="$(mktemp -d "${TMPDIR:-/tmp}/newsdesk-reload-bench.XXXXXX")"
DATA="$WORK/data"
mkdir -p "$DATA"
wrk_pid=""
cleanup() {
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null || true
  newsdesk_stop
  rm -rf "$WORK"
}
trap cleanup EXIT

CORPUS="${TMPDIR:-/tmp}/news-$COUNT.jsonl"
[ -f "$CORPUS" ] || python3 "$SHARED/corpus/make_scaled.py" --count "$COUNT" --out "$CORPUS"
cp "$CORPUS" "$DATA/corpus.jsonl"
python3 "$SHARED/corpus/make_scaled.py" --count $((COUNT / 10 + 1)) --seed 7 --out - | sed 's/"id": "scaled-/"id": "extra-/' \
  > "$WORK/extra.jsonl"

NEWSDESK_ADMIN_TOKEN="$TOKEN" newsdesk_start "$WORK/server" "$BIN" --no-access-log --data "$DATA"
server=$NEWSDESK_PID
newsdesk_wait_ready "$WORK/server"
URL=$NEWSDESK_URL

# One value of the server's compact JSON by key (the first occurrence), without starting a Python per
# poll: `json_value state` reads `"state":"running"` as running.
json_value() { grep -o "\"$1\":\"\?[^,\"}]*" | head -n 1 | sed 's/.*:"\?//'; }
status() { curl -s -H "Authorization: Bearer $TOKEN" "$URL/v1/admin/reload"; }
# exec: `wrk_run ... &` must leave wrk itself as $!, so that SIGINT reaches it.
wrk_run() { exec wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --timeout "$TIMEOUT" --latency -s "$ROOT/Scripts/bench/reload-mix.lua" "$URL" -- "$COUNT"; }

if [ "$BASELINE_SECONDS" -gt 0 ]; then
  echo "== baseline: wrk ${BASELINE_SECONDS}s, no reloads"
  wrk_run "${BASELINE_SECONDS}s" | tee "$WORK/baseline.txt"
fi

passed=0
failed=0
check() { # check NAME CONDITION-EXIT-STATUS
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $1"; fi
}

echo "== $RELOADS reloads under wrk (-t$THREADS -c$CONNECTIONS --timeout $TIMEOUT) over $COUNT articles"
# wrk stops early on SIGINT and still prints its totals; the duration is only a ceiling, and wrk
# ending before the reloads do is a failure (part of the reloads ran without load).
wrk_run 3600s > "$WORK/wrk.txt" &
wrk_pid=$!
sleep 2
version=$(curl -s "$URL/v1/stats" | json_value version)
durations=()
for n in $(seq "$RELOADS"); do
  if [ -f "$DATA/extra.jsonl" ]; then rm "$DATA/extra.jsonl"; else cp "$WORK/extra.jsonl" "$DATA/extra.jsonl"; fi
  if [ $((n % 2)) -eq 1 ]; then
    kill -HUP "$server"
    how=signal
  else
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" "$URL/v1/admin/reload")
    check "reload $n: POST answered $code" "$([ "$code" = 202 ]; echo $?)"
    how=api
  fi
  state=""
  for _ in $(seq 1200); do
    body=$(status)
    if [ "$(echo "$body" | json_value id)" = "$n" ]; then
      state=$(echo "$body" | json_value state)
      [ "$state" != running ] && break
    fi
    sleep 0.1
  done
  new_version=$(echo "$body" | json_value version)
  seconds=$(echo "$body" | json_value seconds)
  [[ "$seconds" =~ ^[0-9.]+$ ]] || seconds=0
  durations+=("$seconds")
  printf 'reload %2d (%s): %s in %.2f s, version %s\n' "$n" "$how" "$state" "$seconds" "$new_version"
  check "reload $n: $state $(echo "$body" | json_value error)" "$([ "$state" = succeeded ]; echo $?)"
  check "reload $n: version did not change" "$([ "$new_version" != "$version" ]; echo $?)"
  version="$new_version"
  sleep 0.5
done
sleep 1
wrk_ran=0
kill -INT "$wrk_pid" 2>/dev/null || wrk_ran=1
wait "$wrk_pid" || true
wrk_pid=""
check "wrk ended before the last reload" "$wrk_ran"
cat "$WORK/wrk.txt"

requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
socket_errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$WORK/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.txt")
socket_errors="${socket_errors:-0}"
non2xx="${non2xx:-0}"
check "wrk made no request" "$([ "${requests:-0}" -gt 0 ]; echo $?)"
check "$socket_errors socket errors" "$([ "$socket_errors" -eq 0 ]; echo $?)"
check "$non2xx non-2xx responses" "$([ "$non2xx" -eq 0 ]; echo $?)"
check "newsdesk exited" "$(kill -0 "$server" 2>/dev/null; echo $?)"
median=$(printf '%s\n' "${durations[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
rss_mb=$(( $(awk '/VmRSS/{print $2}' "/proc/$server/status") / 1024 ))
hwm_mb=$(( $(awk '/VmHWM/{print $2}' "/proc/$server/status") / 1024 ))
printf 'summary: %s requests, %s socket errors, %s non-2xx; %s reloads, median %.2f s each; RSS %d MB (peak %d MB)\n' \
  "$requests" "$socket_errors" "$non2xx" "$RELOADS" "$median" "$rss_mb" "$hwm_mb"
echo "reload under load: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
