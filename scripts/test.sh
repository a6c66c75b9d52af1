#!/usr/bin/env bash
# The README's second command (and what CI runs): set up, build with warnings
# as errors, run the whole suite, the example journeys' own gates, the
# Debian package (built from that tree and checked unpacked, never
# installed here: scripts/package-check.sh), then the
# suite again under AddressSanitizer + UndefinedBehaviorSanitizer (clang, the
# same tree as the fuzzers), the threaded tests under ThreadSanitizer, and
# each fuzzer for a bounded time. Fails when any test fails; prints each
# phase's wall time at the end. ctest's JUnit files: build-*/ctest-junit.xml.
#
# Test labels (tests/CMakeLists.txt): statistical (coverage studies that
# repeat whole runs hundreds of times), browser (headless Chromium), mpi
# (mpirun), slow. The sanitizer passes skip statistical and browser: they add
# no memory or thread behaviour the rest of the suite does not already run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/phases.sh
source scripts/lib/ccache.sh
source scripts/lib/builds.sh
jobs="$(nproc)"

examples_gate() {
  echo "-- the example scenarios pass their own [thresholds] (the gate users run)"
  build-ci/tools/journeysim check scenarios/*.toml --junit build-ci/check-junit.xml
  echo "-- the example scenarios validate and run"
  local s
  for s in scenarios/*.toml; do
    build-ci/tools/journeysim validate "$s"
    build-ci/tools/journeysim run "$s" --agents 20000 --quiet >/dev/null
  done
  echo "-- the shipped channel plugins pass the conformance harness"
  build-ci/tools/journeysim plugin-test build-ci/plugins/*.so
}

sanitizer_env=(ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
               UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1)

phase "install dependencies" scripts/install-deps.sh
[ "${#cmake_launcher[@]}" -gt 0 ] && ccache --zero-stats >/dev/null

phase "build: gcc -Werror" eval 'configure_werror_build && cmake --build build-ci -j"$jobs"'
phase "tests: all" ctest --test-dir build-ci --output-on-failure -j"$jobs" \
  --output-junit ctest-junit.xml
phase "example journeys: check, validate, run, plugin-test" examples_gate
phase "package: .deb from build-ci, checked unpacked" scripts/package-check.sh build-ci

phase "build: clang ASan+UBSan -O1, with the fuzzers" \
  eval 'configure_asan_build && cmake --build build-asan -j"$jobs"'
phase "tests: ASan+UBSan (not statistical, browser)" env "${sanitizer_env[@]}" \
  ctest --test-dir build-asan --output-on-failure -j"$jobs" --output-junit ctest-junit.xml \
  -LE '^(statistical|browser)$'

phase "build: gcc TSan (threaded tests only)" \
  eval 'configure_tsan_build && cmake --build build-tsan -j"$jobs" --target "${tsan_targets[@]}"'
phase "tests: TSan (engine, compare, sweep)" env TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  ctest --test-dir build-tsan --output-on-failure --no-tests=error -j"$jobs" \
  --output-junit ctest-junit.xml -LE '^(statistical|browser)$' \
  -R '^(Determinism|Compare|MetricComponents|ScenarioTemplate|Sweep|SweepAxis)\.'

phase "fuzz: each input reader for ${FUZZ_SECONDS:-60} s" \
  scripts/fuzz.sh --no-build "${FUZZ_SECONDS:-60}"

if [ "${#cmake_launcher[@]}" -gt 0 ]; then
  echo "== compiler cache ($CCACHE_DIR)"
  ccache --show-stats | grep -E 'Hits|Misses|Cache size' || true
fi
