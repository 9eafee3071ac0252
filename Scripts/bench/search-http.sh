#!/usr/bin/env bash
# End-to-end search throughput: starts the release binary on a make_scaled.py corpus, waits for
# /ready, then runs wrk with 32 connections on GET /v1/search?q=WORD&limit=20 (snippets on, the
# default, and the default facets) for each WORD, reporting requests/s, latency, the server's CPU
# per 1,000 requests and the load average. Stops the servers it started.
#
#   Scripts/bench/search-http.sh [COUNT] [WORD...]     (defaults 100000; government market fell)
#
# The WORD `@mixed` stands for 200 different one-word queries, each wrk thread cycling through them
# (a wrk Lua script): the corpus's most frequent words past its 60 most frequent, in a 2,000-article
# sample, that match something (stop words do not); its line shows the first word's total and
# response size. Nothing is answered from memory of an earlier request, but
# a single repeated word keeps its postings and texts in the CPU caches; this mode does not.
#
# Knobs: DUR (wrk duration, default 10s), THREADS (wrk threads, default 2), PORT (default 18290),
# RUNS (wrk runs per word, default 1), BIN (a newsdesk binary to measure instead of building this
# checkout's release binary), BASE (an older newsdesk binary, e.g. one built into .build-base:
# both servers run at once and their wrk runs alternate, so a busy machine weighs on both alike;
# each line then starts with `base` or `new`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/Scripts/bench/lib/newsdesk.sh"
SHARED="${SHARED:-$ROOT/../shared}"
COUNT="${1:-100000}"
shift || true
WORDS=("$@")
[ ${#WORDS[@]} -gt 0 ] || WORDS=(government market fell)
DUR="${DUR:-10s}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18290}"
RUNS="${RUNS:-1}"
CORPUS="${TMPDIR:-/tmp}/news-$COUNT.jsonl"
export PATH="/opt/swift/usr/bin:$PATH"

command -v wrk >/dev/null || { echo "needs wrk: apt-get install -y wrk"; exit 1; }
[ -f "$CORPUS" ] || python3 "$SHARED/corpus/make_scaled.py" --count "$COUNT" --out "$CORPUS"
BIN=$(newsdesk_binary "${BIN:-}")

names=(new)
binaries=("$BIN")
if [ -n "${BASE:-}" ]; then
  names=(base new)
  binaries=("$BASE" "$BIN")
fi
pids=()
MIXED="$(mktemp --suffix=.lua)"
trap 'rm -f "$MIXED"; for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done' EXIT
for i in "${!binaries[@]}"; do
  "${binaries[$i]}" serve --host 127.0.0.1 --port $((PORT + i)) --no-access-log \
    --data "$CORPUS" > /dev/null 2>&1 &
  pids+=($!)
done
start=$(date +%s)
for i in "${!binaries[@]}"; do
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT + i))/ready")" = 200 ]; do
    kill -0 "${pids[$i]}" || { echo "newsdesk (${names[$i]}) died"; exit 1; }
    [ $(( $(date +%s) - start )) -lt 1200 ] || { echo "not ready after 20 minutes"; exit 1; }
    sleep 0.5
  done
done
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
[[ " ${WORDS[*]} " == *" @mixed "* ]] && python3 - "$CORPUS" "$MIXED" "$PORT" <<'PY'
import collections, json, re, sys, urllib.request
counts = collections.Counter()
with open(sys.argv[1]) as corpus:
    for number, line in enumerate(corpus):
        if number == 2000:
            break
        counts.update(re.findall(r"[a-z]{3,}", json.loads(line).get("body", "").lower()))
words = []
for word, _ in counts.most_common(400)[60:]:
    # Stop words match nothing: keep the words with matches.
    url = "http://127.0.0.1:%s/v1/search?q=%s&limit=1&highlight=false" % (sys.argv[3], word)
    if json.load(urllib.request.urlopen(url))["total"] > 0 and len(words) < 200:
        words.append(word)
if not words:
    sys.exit("@mixed: none of the corpus's frequent words matches anything")
with open(sys.argv[2], "w") as script:
    script.write("words = {%s}\n" % ", ".join('"%s"' % word for word in words))
    script.write("counter = 0\n")
    script.write("request = function()\n  counter = counter + 1\n")
    script.write('  return wrk.format("GET", "/v1/search?q=" .. words[counter % #words + 1] .. "&limit=20")\nend\n')
PY
for word in "${WORDS[@]}"; do
  script=()
  [ "$word" != "@mixed" ] || script=(-s "$MIXED")
  probe=$word
  [ "$word" != "@mixed" ] || probe=$(grep -o '"[a-z]*"' "$MIXED" | head -1 | tr -d '"')
  for i in "${!binaries[@]}"; do
    url="http://127.0.0.1:$((PORT + i))/v1/search?q=$probe&limit=20"
    body=$(curl -sf "$url")
    totals[$i]=$(echo "$body" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["total"], len(d["items"]), sum(len(i.get("snippets", [])) for i in d["items"]))')
    sizes[$i]=${#body}
    wrk -t"$THREADS" -c32 -d3s "${script[@]}" "$url" > /dev/null   # warm-up
  done
  for _ in $(seq "$RUNS"); do
    for i in "${!binaries[@]}"; do
      url="http://127.0.0.1:$((PORT + i))/v1/search?q=$word&limit=20"
      before=$(ticks "${pids[$i]}")
      out=$(wrk -t"$THREADS" -c32 -d"$DUR" --latency "${script[@]}" "$url")
      after=$(ticks "${pids[$i]}")
      requests=$(echo "$out" | awk '/requests in/{print $1}')
      rps=$(echo "$out" | awk '/Requests\/sec/{print $2}')
      p50=$(echo "$out" | awk '$1=="50%"{print $2}')
      p99=$(echo "$out" | awk '$1=="99%"{print $2}')
      cpu=$(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $requests * 1000" | bc -l)
      printf '%-4s q=%-12s total/hits/snippets %-16s %9s req/s  p50 %8s  p99 %8s  cpu %6.1f ms/1k  bytes %d  load %s\n' \
        "${names[$i]}" "$word" "${totals[$i]}" "$rps" "$p50" "$p99" "$cpu" "${sizes[$i]}" \
        "$(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
