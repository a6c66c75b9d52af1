# The build trees of scripts/test.sh and scripts/fuzz.sh, configured in one
# place so the two scripts share a tree (and its compiled objects) whenever
# they can. Needs scripts/lib/ccache.sh sourced first.

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
