# The build trees of the scripts (test, fuzz, demo, package), configured in
# one place so the scripts share a tree (and its compiled objects) whenever
# they can. Needs scripts/lib/ccache.sh sourced first.

# build: Release, no tests or benchmarks: what users run (scripts/demo.sh)
# and package (scripts/package.sh), so the two share one compile.
configure_release_build() {
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DJOURNEYSIM_BUILD_TESTS=OFF \
    -DJOURNEYSIM_BUILD_BENCHMARKS=OFF "${cmake_launcher[@]}" >/dev/null
}

# build-ci: gcc, optimised, warnings as errors: the build the suite trusts.
configure_werror_build() {
  cmake -S . -B build-ci -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOURNEYSIM_WERROR=ON \
    "${cmake_launcher[@]}" >/dev/null
}

# build-asan: clang with AddressSanitizer + UndefinedBehaviorSanitizer at -O1,
# the libFuzzer targets included, so the sanitizer tests and the fuzzers share
# one compile of the core. Assertions stay on (no NDEBUG).
configure_asan_build() {
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
    -DJOURNEYSIM_WERROR=ON -DJOURNEYSIM_SANITIZE=address,undefined -DJOURNEYSIM_FUZZ=ON \
    -DJOURNEYSIM_BUILD_BENCHMARKS=OFF "${cmake_launcher[@]}" >/dev/null
}

# build-tsan: gcc with ThreadSanitizer, for the multi-threaded engine, compare
# and sweep tests only (tsan_targets lists what they need).
tsan_targets=(engine_determinism_test compare_test sweep_test)
configure_tsan_build() {
  cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJOURNEYSIM_WERROR=ON \
    -DJOURNEYSIM_SANITIZE=thread -DJOURNEYSIM_BUILD_BENCHMARKS=OFF -DJOURNEYSIM_MPI=OFF \
    "${cmake_launcher[@]}" >/dev/null
}
