#!/usr/bin/env bash
# The README's first command: set up, build, and run the store-launch journey.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/lib/ccache.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DJOURNEYSIM_BUILD_TESTS=OFF \
  -DJOURNEYSIM_BUILD_BENCHMARKS=OFF "${cmake_launcher[@]}" >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
build/tools/journeysim run scenarios/store-launch.toml "$@"
