#!/usr/bin/env bash
# The README's first command: set up, build, and run the store-launch journey.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/lib/ccache.sh
source scripts/lib/builds.sh
configure_release_build
cmake --build build -j"$(nproc)" >/dev/null
build/tools/journeysim run scenarios/store-launch.toml "$@"
