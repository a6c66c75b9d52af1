#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-asan, the
# tree the sanitizer tests use too (scripts/lib/builds.sh), and runs each for
# a bounded time. Fails on any crash, leak, timeout, memory blow-up or
# sanitizer report; the input that caused it is left in build-asan/artifacts/
# (add it to tests/data/fuzz-regressions/ once fixed).
#
#   scripts/fuzz.sh            # 60 s per target (what CI runs)
#   scripts/fuzz.sh 600        # longer, by hand
#   scripts/fuzz.sh --no-build 60   # build-asan is built already (scripts/test.sh)
#
set -euo pipefail
cd "$(dirname "$0")/.."
build_first=1
if [ "${1:-}" = "--no-build" ]; then
  build_first=0
  shift
fi
seconds="${1:-${FUZZ_SECONDS:-60}}"
build=build-asan
targets=(scenario_loader event_log)

if [ "$build_first" -eq 1 ]; then
  source scripts/lib/ccache.sh
  source scripts/lib/builds.sh
  echo "== build the fuzzers (clang, libFuzzer, ASan + UBSan)"
  configure_asan_build
  cmake --build "$build" -j"$(nproc)" --target journeysim_fuzzers
fi

mkdir -p "$build/artifacts"
for target in "${targets[@]}"; do
  echo "== fuzz $target for ${seconds} s"
  corpus="$build/fuzz/corpus/$target"       # grows with what the fuzzer finds
  seeds="$build/fuzz/corpus/seeds/$target"  # committed seeds + example scenarios
  regressions="tests/data/fuzz-regressions"
  mkdir -p "$corpus"
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: a scenario
  # must not need gigabytes. Exit status is non-zero on any finding.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz/${target}_fuzzer" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$target-" \
      "$corpus" "$seeds" "$regressions" 2>"$build/artifacts/$target.log" || {
    status=$?
    tail -n 60 "$build/artifacts/$target.log" >&2
    echo "fuzz $target: FAILED (exit $status); inputs in $build/artifacts/" >&2
    exit 1
  }
  grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$build/artifacts/$target.log" || true
done
echo "fuzzing: no crash, leak, timeout or sanitizer report"
