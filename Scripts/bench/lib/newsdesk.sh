# Shared by the bench scripts (sourced, not run): which newsdesk binary to measure, and a server
# started on a free port and waited for until it is ready.
#
#   source "$ROOT/Scripts/bench/lib/newsdesk.sh"
#   BIN=$(newsdesk_binary "${BIN:-}")
#   newsdesk_start "$WORK/server" "$BIN" --no-access-log --data "$(realpath "$DATA")"
#   newsdesk_wait_ready "$WORK/server"       # sets NEWSDESK_PORT and NEWSDESK_URL
#   ...
#   newsdesk_stop
#
# The caller sets ROOT (the repository) and `set -euo pipefail`.

# The binary given (made absolute), or else this tree's release build, built first into .build-release.
newsdesk_binary() {
  if [ -n "${1:-}" ]; then
    realpath "$1"
  else
    (cd "$ROOT" && PATH="/opt/swift/usr/bin:$PATH" swift build -c release --product newsdesk \
      --scratch-path .build-release >&2)
    echo "$ROOT/.build-release/release/newsdesk"
  fi
}

# newsdesk_start OUT BIN [SERVE ARGUMENTS...]: starts `BIN serve --port 0 ARGUMENTS` in the
# background, its standard output in OUT and its standard error in OUT.err, and sets NEWSDESK_PID.
# It runs in $TMPDIR, not in the caller's folder, whose config.json may hold keys an older build
# refuses; so paths among the arguments must be absolute. Environment variables set on the call
# (`NEWSDESK_COMPRESSION_LEVEL=1 newsdesk_start ...`) reach the server.
newsdesk_start() {
  local out=$1 bin=$2
  shift 2
  env -C "${TMPDIR:-/tmp}" "$bin" serve --port 0 "$@" > "$out" 2> "$out.err" &
  NEWSDESK_PID=$!
}

# newsdesk_wait_ready OUT: waits until the server started by newsdesk_start has said its port in OUT
# and answers GET /ready with 200 (the corpus loaded), then sets NEWSDESK_PORT and NEWSDESK_URL.
# Fails, with the end of the server's standard error, if the server exits first.
newsdesk_wait_ready() {
  local out=$1 port=""
  until [ -n "$port" ]; do
    newsdesk_alive_or_explain "$out" || return 1
    port=$(grep -o 'http://127.0.0.1:[0-9]*' "$out" 2> /dev/null | head -n 1 | grep -o '[0-9]*$' || true)
    [ -n "$port" ] || sleep 0.05
  done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ready")" = 200 ]; do
    newsdesk_alive_or_explain "$out" || return 1
    sleep 0.05
  done
  NEWSDESK_PORT=$port
  NEWSDESK_URL="http://127.0.0.1:$port"
}

newsdesk_alive_or_explain() {
  kill -0 "$NEWSDESK_PID" 2> /dev/null && return 0
  echo "newsdesk exited before it was ready; the end of its standard error:" >&2
  tail -n 5 "$1.err" >&2
  return 1
}

# Stops the server started last (SIGTERM, then waits for it); does nothing when none runs.
newsdesk_stop() {
  [ -n "${NEWSDESK_PID:-}" ] || return 0
  kill "$NEWSDESK_PID" 2> /dev/null || true
  wait "$NEWSDESK_PID" 2> /dev/null || true
  NEWSDESK_PID=""
}

# newsdesk_peers_data FILE: writes the peers' 10,000 articles (../shared/bench/peers/gen_articles.py,
# the corpus the peer servers serve) to FILE unless it is there already.
newsdesk_peers_data() {
  [ -s "$1" ] && return 0
  mkdir -p "$(dirname "$1")"
  python3 "${SHARED:-$ROOT/../shared}/bench/peers/gen_articles.py" -n 10000 -o "$1"
}

# cpu_ticks PID: the clock ticks of CPU (user + system) the process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
