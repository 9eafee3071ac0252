#!/usr/bin/env bash
# Builds the libFuzzer targets (Sources/Fuzz*) with the fuzzer and address sanitizers into
# .build-fuzz, then runs each for FUZZ_SECONDS from its committed seeds (Scripts/fuzz/seeds/<target>,
# only read) and the corpus it grew before (.build-fuzz/corpus/<target>, where new inputs go). A
# crash, a sanitizer report (leaks included), one input running longer than FUZZ_INPUT_TIMEOUT or
# a failed build fails the target; the input that did it is kept under .build-fuzz/artifacts.
# Ends with "N passed, N failed".
#
#   Scripts/fuzz/run.sh                     every target, FUZZ_SECONDS (default 40) each
#   FUZZ_SECONDS=300 Scripts/fuzz/run.sh FuzzRequestParser
#   FUZZ_SCRATCH=.build-fuzz-x ...          another build folder (.build-* is gitignored)
set -uo pipefail
cd "$(dirname "$0")/../.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds="${FUZZ_SECONDS:-40}"
input_timeout="${FUZZ_INPUT_TIMEOUT:-10}"
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(FuzzRequestParser FuzzChunkedBody FuzzQueryParser FuzzCorpusLoaders)
scratch="${FUZZ_SCRATCH:-.build-fuzz}"

export NEWSDESK_FUZZ=1
# SwiftPM passes each --sanitize as its own -sanitize= flag and swiftc keeps only the last one, which
# would build without coverage instrumentation (libFuzzer then runs blind); the -Xswiftc flag, which
# comes last, restores both.
build=(swift build -c debug --scratch-path "$scratch" --disable-index-store --sanitize=fuzzer --sanitize=address
  -Xswiftc -sanitize=fuzzer,address --disable-dead-strip)
for target in "${targets[@]}"; do
  if ! "${build[@]}" --product "$target" 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\] (Compiling|Emitting|Linking|Write|Wrapping|Planning)|Cannot export local symbol'; then
    echo "fuzz: building $target failed" >&2
    exit 1
  fi
done
bin="$("${build[@]}" --show-bin-path)"

# The Swift runtime's own backtracer would catch the crash signal before libFuzzer saves the input.
export SWIFT_BACKTRACE=enable=no
passed=0
failed=0
for target in "${targets[@]}"; do
  corpus="$scratch/corpus/$target"
  artifacts="$scratch/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  log="$scratch/$target.log"
  "$bin/$target" -max_total_time="$seconds" -timeout="$input_timeout" -rss_limit_mb=2048 -max_len=4096 \
    -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$corpus" "Scripts/fuzz/seeds/$target" >"$log" 2>&1
  status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  if [ "$status" -eq 0 ]; then
    passed=$((passed + 1))
    echo "fuzz: $target ok: $runs inputs in ${seconds}s, corpus $(ls "$corpus" | wc -l) files"
  else
    failed=$((failed + 1))
    echo "fuzz: $target FAILED (exit $status); its log, last lines:"
    grep -E 'ERROR|SUMMARY|Fatal error|Precondition|precondition|Test unit written|Leak|timeout' "$log" | head -20
    tail -5 "$log"
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
