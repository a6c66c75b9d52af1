# Compiler cache for every build of the scripts: one cache outside the clone
# that survives between runs on the same machine (CI runs in a fresh clone on
# the machine the developers use), keyed on paths relative to the clone so a
# new clone hits what the last one compiled. Sets CMAKE_LAUNCHER for cmake.
cmake_launcher=()
if command -v ccache >/dev/null 2>&1; then
  if [ -z "${CCACHE_DIR:-}" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      CCACHE_DIR=/var/cache/journeysim/ccache
    else
      CCACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/journeysim/ccache"
    fi
  fi
  export CCACHE_DIR
  mkdir -p "$CCACHE_DIR"
  export CCACHE_BASEDIR="$PWD"   # absolute paths below the clone become relative
  export CCACHE_NOHASHDIR=1      # and the clone's own path is left out of the key
  export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-8G}"  # four build trees' worth
  cmake_launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
