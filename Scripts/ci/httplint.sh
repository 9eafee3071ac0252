#!/usr/bin/env bash
# Lints the live server's main responses with httplint (pip; the linter behind REDbot), each
# fetched as it is on the wire (`curl -i`, no decoding) once without and once with
# `Accept-Encoding: gzip`. Prints every BAD and WARN finding, one result line, and exits non-zero
# when any response has a BAD finding. Bounded: one server, about 40 requests, a minute at most.
#
#   Scripts/ci/httplint.sh [path/to/newsdesk]     (default .build/debug/newsdesk)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${1:-$ROOT/.build/debug/newsdesk}"
command -v httplint >/dev/null || python3 -m pip install -q --disable-pip-version-check httplint
[ -x "$BIN" ] || { echo "httplint.sh: no newsdesk binary at $BIN (run swift build)"; exit 2; }

work="$(mktemp -d)"
"$BIN" serve --port 0 --host 127.0.0.1 --no-access-log > "$work/stdout" 2> "$work/stderr" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
port=""
for _ in $(seq 600); do
  port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/stdout" 2>/dev/null | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "httplint.sh: newsdesk exited"; cat "$work/stderr"; exit 2; }
  sleep 0.1
done
base="http://127.0.0.1:$port"
article=$(curl -s "$base/v1/articles?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
entity=$(curl -s "$base/v1/entities?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
paths=(/ /assets/app.js /assets/style.css /health /ready /v1/stats /v1/articles "/v1/articles/$article"
  "/v1/search?q=strike" "/v1/suggest?q=str" /v1/entities "/v1/entities/$entity" /metrics
  "/v1/articles?limit=abc" /v1/articles/no-such-article /no/such/path)
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/openapi.json")" = 200 ] && paths+=(/openapi.json)

linted=0
bad=0
warned=0
for path in "${paths[@]}"; do
  for encoding in identity gzip; do
    sent=$(date +%s)
    curl -s -i --max-time 10 -H "Accept-Encoding: $encoding" "$base$path" > "$work/response"
    # Not `httplint -n`: it would judge the Date field against the linter's own start, seconds
    # later on a busy machine. The clock is checked here instead, against the time of the request.
    findings=$(httplint < "$work/response" | grep -E '\[(BAD|WARN)\]' || true)
    served=$(date -d "$(sed -n 's/^Date: //Ip' "$work/response" | tr -d '\r' | head -1)" +%s 2>/dev/null || echo 0)
    if [ $((served - sent)) -lt -1 ] || [ $((served - sent)) -gt 5 ]; then
      findings+=$'\n'"* [BAD] The Date field is $((served - sent)) s from the time of the request."
    fi
    findings=$(sed '/^$/d' <<< "$findings")
    linted=$((linted + 1))
    if grep -q '\[BAD\]' <<< "$findings"; then bad=$((bad + 1)); fi
    if grep -q '\[WARN\]' <<< "$findings"; then warned=$((warned + 1)); fi
    if [ -n "$findings" ]; then
      echo "GET $path (Accept-Encoding: $encoding)"
      sed 's/^/    /' <<< "$findings"
    fi
  done
done
echo "httplint: $linted responses linted, $((linted - bad)) passed, $bad failed (BAD), $warned with warnings"
[ "$bad" -eq 0 ]
