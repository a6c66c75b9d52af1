#!/usr/bin/env bash
# Builds the Debian package (Debian 12; installs what it needs, builds the
# release tree scripts/demo.sh also uses, packages it with cpack and checks
# the .deb unpacked: scripts/package-check.sh). Then, as root or with sudo:
#   apt install ./build/journeysim_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/lib/ccache.sh
source scripts/lib/builds.sh
configure_release_build
cmake --build build -j"$(nproc)" >/dev/null
scripts/package-check.sh build
deb="build/journeysim_$(build/tools/journeysim --version)_$(dpkg --print-architecture).deb"
echo
echo "Install it with:  apt install ./$deb"
