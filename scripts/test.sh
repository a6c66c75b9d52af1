#!/usr/bin/env bash
# The README's second command (and what CI runs): set up, build with warnings
# as errors, run the whole suite, then run it again under AddressSanitizer and
# UndefinedBehaviorSanitizer. Fails when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs="$(nproc)"

echo "== build (-Wall -Wextra -Werror)"
cmake -S . -B build-ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOURNEYSIM_WERROR=ON >/dev/null
cmake --build build-ci -j"$jobs"
echo "== tests"
ctest --test-dir build-ci --output-on-failure -j"$jobs"
echo "== the example scenarios pass their own [thresholds] (the gate users run)"
build-ci/tools/journeysim check scenarios/*.toml --junit build-ci/check-junit.xml
echo "== the example scenarios validate and run"
for s in scenarios/*.toml; do
  build-ci/tools/journeysim validate "$s"
done
build-ci/tools/journeysim run scenarios/store-launch.toml --agents 20000 --quiet >/dev/null
echo "== the shipped channel plugins pass the conformance harness"
build-ci/tools/journeysim plugin-test build-ci/plugins/*.so

echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DJOURNEYSIM_WERROR=ON \
  -DJOURNEYSIM_SANITIZE=address,undefined -DJOURNEYSIM_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j"$jobs"
echo "== tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== ThreadSanitizer on the multi-threaded engine, compare and sweep tests"
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOURNEYSIM_WERROR=ON \
  -DJOURNEYSIM_SANITIZE=thread -DJOURNEYSIM_BUILD_BENCHMARKS=OFF -DJOURNEYSIM_MPI=OFF >/dev/null
# (Built without MPI, so the one-process stand-in of tools/ compiles too.)
cmake --build build-tsan -j"$jobs" --target engine_determinism_test compare_test sweep_test journeysim
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
  ctest --test-dir build-tsan --output-on-failure --no-tests=error -j"$jobs" \
  -R '^(Determinism|Compare|MetricComponents|ScenarioTemplate|Sweep|SweepAxis)\.' \
  -E 'NinetyFivePercentIntervalsCover'  # 10^3 repeated runs: statistics, not threads

echo "== fuzz each input reader for a bounded time (fails on any crash, leak or report)"
scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
