#!/usr/bin/env bash
# Newsdesk's search engine beside SQLite FTS5 and tantivy, in one run, over the same corpus and the
# same query mix (../shared/bench/search/): index build time, index size, and one-thread query
# latency (top 20 with an exact total), without and with snippets. Each round builds and queries
# every engine once, in turn; the summary gives per-round ratios and medians over rounds.
# Not part of CI (a round takes about 2 minutes on two free cores).
#
#   Scripts/bench/search.sh [ROUNDS] [COUNT]       (defaults 3 and 100000)
#
# Needs python3 with sqlite3 (FTS5), and a venv with tantivy 0.27.0, made here on first use
# (python3 -m venv; pip install tantivy==0.27.0). Corpus, queries, indexes and results go to $OUT
# (default /tmp/newsdesk-bench-search), never into the repository.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
ROUNDS="${1:-3}"
COUNT="${2:-100000}"
OUT="${OUT:-${TMPDIR:-/tmp}/newsdesk-bench-search}"
CORPUS="${CORPUS:-${TMPDIR:-/tmp}/news-$COUNT.jsonl}"
QUERIES="${QUERIES:-$OUT/queries-$COUNT.txt}"
PASSES="${PASSES:-5}"
VENV="${VENV:-$OUT/venv}"
ENGINES="$SHARED/bench/search"
export PATH="/opt/swift/usr/bin:$PATH"

mkdir -p "$OUT"
[ -f "$CORPUS" ] || python3 "$SHARED/corpus/make_scaled.py" --count "$COUNT" --out "$CORPUS"
[ -f "$QUERIES" ] || python3 "$ENGINES/make_queries.py" --corpus "$CORPUS" --seed 1 --out "$QUERIES"
[ -x "$VENV/bin/python" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q tantivy==0.27.0; }
# BENCH=/path/to/search-bench measures that binary instead (a build from before a change, say).
if [ -z "${BENCH:-}" ]; then
  (cd "$ROOT" && swift build -c release --product search-bench --scratch-path .build-release)
  BENCH="$ROOT/.build-release/release/search-bench"
fi

for round in $(seq "$ROUNDS"); do
  dir="$OUT/round-$round"
  mkdir -p "$dir"
  echo "== round $round of $ROUNDS (load $(cut -d' ' -f1-3 /proc/loadavg))"
  python3 "$ENGINES/fts5_bench.py" build --corpus "$CORPUS" --db "$OUT/fts5.db" --json "$dir/fts5-build.json"
  "$VENV/bin/python" "$ENGINES/tantivy_bench.py" build --corpus "$CORPUS" --index "$OUT/tantivy" \
    --json "$dir/tantivy-build.json"
  python3 "$ENGINES/fts5_bench.py" query --db "$OUT/fts5.db" --queries "$QUERIES" --passes "$PASSES" \
    --modes bm25,bm25+snip --json "$dir/fts5-query.json"
  "$VENV/bin/python" "$ENGINES/tantivy_bench.py" query --index "$OUT/tantivy" --queries "$QUERIES" \
    --passes "$PASSES" --modes count,count+snip --json "$dir/tantivy-query.json"
  "$BENCH" speed "$CORPUS" "$QUERIES" "$PASSES" > "$dir/newsdesk.json"
  "$BENCH" speed "$CORPUS" "$QUERIES" "$PASSES" --snippets > "$dir/newsdesk-snippets.json"
done
python3 "$ROOT/Scripts/bench/search_summary.py" "$OUT"/round-*
