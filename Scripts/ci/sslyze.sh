#!/usr/bin/env bash
# Starts the built newsdesk with HTTPS on (a certificate from a private test CA made just now) and
# has sslyze check the listener against Mozilla's "intermediate" TLS profile. The one finding
# tolerated is certificate_path_validation: no public trust store knows the test CA. Anything else
# (an extra protocol, cipher or curve, a vulnerability, an incomplete scan) fails.
# Usage: Scripts/ci/sslyze.sh [path/to/newsdesk]   (default: the debug build)
set -uo pipefail
cd "$(dirname "$0")/../.."
binary=${1:-.build/debug/newsdesk}
work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "sslyze: FAIL - $*"; exit 1; }

[ -x "$binary" ] || fail "no newsdesk binary at $binary (run swift build first)"
command -v openssl >/dev/null || fail "the openssl command is not installed"
python3 -c 'import sslyze' 2>/dev/null || fail "sslyze is not installed (python3 -m pip install sslyze)"
Tests/tls/make-test-certificates.sh "$work/tls" || fail "could not make test certificates"

NEWSDESK_TLS_CERTIFICATE="$work/tls/server.pem" NEWSDESK_TLS_PRIVATE_KEY="$work/tls/server.key" \
  NEWSDESK_TLS_PORT=0 NEWSDESK_TLS_PLAIN_HTTP=off \
  "$binary" serve --host 127.0.0.1 --no-access-log >"$work/stdout" 2>"$work/stderr" </dev/null &
server_pid=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's|^newsdesk: listening on https://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$work/stdout")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || fail "newsdesk did not start: $(cat "$work/stderr")"

timeout 300 python3 -m sslyze --mozilla_config=intermediate "127.0.0.1:$port" >"$work/report" 2>&1
status=$?
sed -n '/COMPLIANCE AGAINST/,$p' "$work/report"
[ "$status" -ne 124 ] || fail "sslyze did not finish within 300 s"
if grep -q "OK - Compliant" "$work/report"; then
  echo "sslyze: PASS - compliant with Mozilla intermediate (1 passed, 0 failed)"
  exit 0
fi
grep -q "FAILED - Not compliant" "$work/report" || { cat "$work/report"; fail "the scan did not complete"; }
findings=$(sed -n '/COMPLIANCE AGAINST/,$p' "$work/report" | sed -n 's/^ *\* \([a-z_0-9]*\):.*/\1/p' | sort -u)
others=$(echo "$findings" | grep -vx 'certificate_path_validation' | grep -v '^$')
[ -z "$others" ] || fail "not compliant with Mozilla intermediate: $(echo $others) (0 passed, 1 failed)"
echo "sslyze: PASS - compliant with Mozilla intermediate except the test CA's path validation (1 passed, 0 failed)"
