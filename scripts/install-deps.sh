#!/usr/bin/env bash
# Installs the Debian 12 packages journeysim builds with, when any is missing.
# Everything comes from Debian; nothing is downloaded at build or run time.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  dpkg-dev  # dpkg-shlibdeps computes the .deb's Depends (cmake/Packaging.cmake)
  ccache  # compiled objects kept between runs and clones (scripts/lib/ccache.sh)
  libboost-dev libboost-filesystem-dev
  libtomlplusplus-dev libcli11-dev nlohmann-json3-dev librandom123-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  tzdata  # time zones, read from /usr/share/zoneinfo as TZif files (docs/calendar.md)
  libpugixml-dev  # the check tests read JUnit XML back with an independent parser
  chromium  # the HTML report's browser tests
  python3-jsonschema  # scenario files checked against `journeysim schema` (tests/scenario_json_schema_test.py)
  openmpi-bin libopenmpi-dev  # mpirun across processes and machines (docs/mpi.md)
  clang libclang-rt-14-dev  # libFuzzer targets (scripts/fuzz.sh)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
