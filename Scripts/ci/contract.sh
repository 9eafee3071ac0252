#!/usr/bin/env bash
# The API contract against the live server: starts the built `newsdesk` on the bundled sample
# corpus on a free loopback port, validates the served /openapi.json with openapi-spec-validator,
# checks that the `curl` examples of Docs/API.md print what the document shows, then runs
# schemathesis against it: every check (schemathesis 4 runs all by default;
# Scripts/ci/schemathesis.toml turns one off where a schema cannot state the rule), a bounded number
# of examples per operation, a fixed seed so a failure reproduces. Prints one result line; exits
# non-zero on any failure.
#
#   Scripts/ci/contract.sh                      # after `swift build`
#   NEWSDESK_BIN=.build/release/newsdesk CONTRACT_EXAMPLES=200 Scripts/ci/contract.sh
#   CONTRACT_SERVE_ARGS=--no-entities CONTRACT_EXAMPLES=20 Scripts/ci/contract.sh
#
# CONTRACT_SERVE_ARGS adds flags to `newsdesk serve` (split on spaces): with `--no-entities` the
# document must describe a server without entities too (404 and 400 problems of type
# entities-off). The Docs/API.md examples show a server with entities, so they are checked only
# when no flags are added.
set -euo pipefail
cd "$(dirname "$0")/../.."

binary="${NEWSDESK_BIN:-.build/debug/newsdesk}"
examples="${CONTRACT_EXAMPLES:-60}"
seed="${CONTRACT_SEED:-20261201}"
out="${CONTRACT_OUT:-ci-artifacts/contract}"
read -r -a serve_args <<< "${CONTRACT_SERVE_ARGS:-}"
# The admin endpoints exist only with a token; with one, schemathesis reaches them (and checks
# that a request without it is refused with 401).
token="contract-$RANDOM$RANDOM"
mkdir -p "$out"

[ -x "$binary" ] || { echo "contract: FAILED: no binary at $binary (run swift build first)"; exit 1; }
for tool in openapi-spec-validator schemathesis curl; do
  command -v "$tool" >/dev/null || { echo "contract: FAILED: $tool is not installed"; exit 1; }
done

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
NEWSDESK_ADMIN_TOKEN="$token" "$binary" serve --host 127.0.0.1 --port "$port" --no-access-log "${serve_args[@]}" \
  >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 300); do
  curl -sf "$base/ready" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "contract: FAILED: the server exited"; cat "$out/server.log"; exit 1; }
  sleep 0.1
done
curl -sf "$base/ready" >/dev/null || { echo "contract: FAILED: not ready after 30 s"; exit 1; }

curl -sf "$base/openapi.json" -o "$out/openapi.json"
if ! openapi-spec-validator "$out/openapi.json"; then
  echo "contract: FAILED: openapi-spec-validator rejects the served document"
  exit 1
fi

# A documented path the router does not have (a feature on a branch not merged yet) answers the
# router's own 404; say so loudly and leave it out, the Swift route test fails on it after merging.
excluded=()
skipped=()
for path in $(python3 -c 'import json, sys
for path in json.load(open(sys.argv[1]))["paths"]:
    if "{" not in path: print(path)' "$out/openapi.json"); do
  if curl -s "$base$path" -H "Authorization: Bearer $token" | grep -q '"detail":"No resource at '; then
    echo "contract: NOTE: $path is documented but not routed in this build; left out of schemathesis"
    excluded+=(--exclude-path "$path")
    skipped+=(--skip-path "$path")
  fi
done

# Every `$ curl` example of Docs/API.md prints what the document shows (before schemathesis, which
# may reload the corpus through the admin endpoint).
if [ "${#serve_args[@]}" -eq 0 ] && ! python3 Scripts/ci/docs-examples.py Docs/API.md --base "$base" "${skipped[@]}"; then
  echo "contract: FAILED: Docs/API.md examples differ from what the server prints"
  exit 1
fi

set +e
timeout 600 schemathesis --config-file Scripts/ci/schemathesis.toml run "$base/openapi.json" --url "$base" \
  --max-examples "$examples" --seed "$seed" --workers 2 --request-timeout 10 \
  -H "Authorization: Bearer $token" "${excluded[@]}" \
  --report junit --report-junit-path "$out/schemathesis.xml" >"$out/schemathesis.log" 2>&1
status=$?
set -e
sed -n '/^=* *SUMMARY/,$p' "$out/schemathesis.log"
if [ "$status" -ne 0 ]; then
  sed -n '/^=* *FAILURES/,/^=* *SUMMARY/p' "$out/schemathesis.log" | head -200
  echo "contract: FAILED: schemathesis found failures (exit $status; full log in $out/schemathesis.log)"
  exit 1
fi
tests=$(grep -o 'tests="[0-9]*"' "$out/schemathesis.xml" | head -1 | tr -dc 0-9)
examples_line="Docs/API.md examples OK"
[ "${#serve_args[@]}" -eq 0 ] || examples_line="serve ${serve_args[*]}, Docs/API.md examples not run"
echo "contract: PASSED: openapi-spec-validator OK; $examples_line; schemathesis $tests operations, 0 failed (seed $seed, $examples examples each)"
