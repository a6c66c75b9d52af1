#!/usr/bin/env bash
# Usage: scripts/package-check.sh BUILD_DIR
# Packages an already built tree (cpack -G DEB) and checks the .deb without
# installing it on this machine: its control fields (dpkg-deb -I), its file
# list (dpkg-deb -c), then, unpacked into a scratch directory (dpkg-deb -x),
# that its CLI finds its own plugins from its own prefix (not the build
# tree's), runs and gates the packaged example journeys from another working
# directory, and that an out-of-tree channel builds against its SDK alone.
# scripts/test.sh runs it on build-ci; it fails on the first broken promise.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:?usage: scripts/package-check.sh BUILD_DIR}"
source_dir="$PWD"
fail() { echo "package check: $*" >&2; exit 1; }

version="$("$build/tools/journeysim" --version)"
arch="$(dpkg --print-architecture)"
deb="$build/journeysim_${version}_${arch}.deb"
rm -f "$deb"
cpack_log="$(cpack --config "$build/CPackConfig.cmake" -B "$build" 2>&1)" ||
  { echo "$cpack_log" >&2; fail "cpack failed"; }
[[ -f "$deb" ]] || { echo "$cpack_log" >&2; fail "cpack wrote no $deb"; }

# -- control fields: the name, the CLI's own version, Depends computed by
# dpkg-shlibdeps: the package of every library the CLI or a plugin links
# directly (the C++ runtime, Boost, TOML++, Open MPI when built with it).
field() { dpkg-deb -f "$deb" "$1"; }
[[ "$(field Package)" == journeysim ]] || fail "Package is '$(field Package)'"
[[ "$(field Version)" == "$version" ]] || fail "Version '$(field Version)', the CLI says $version"
[[ "$(field Architecture)" == "$arch" ]] || fail "Architecture is '$(field Architecture)'"
depends="$(field Depends)"
mapfile -t sonames < <(objdump -p "$build/tools/journeysim" "$build"/plugins/libjourneysim_*.so |
                        awk '$1 == "NEEDED" { print $2 }' | sort -u)
[[ ${#sonames[@]} -gt 0 ]] || fail "objdump found no linked libraries"
multiarch="$(dpkg-architecture -qDEB_HOST_MULTIARCH)"
owners="$(dpkg -S "${sonames[@]/#/*/$multiarch/}" | grep ': /' | cut -d: -f1 | sort -u)"
for owner in $owners; do
  [[ "$depends" == *"$owner "* || "$depends" == *"$owner," || "$depends" == *"$owner" ]] ||
    fail "Depends lacks $owner: '$depends'"
done
for f in Maintainer Section Description; do
  [[ -n "$(field "$f")" ]] || fail "no $f field"
done
logged="$(dpkg-parsechangelog -l packaging/debian/changelog -S Version)"
[[ "$logged" == "$version" ]] ||
  fail "packaging/debian/changelog's top entry is $logged, the project is $version: add an entry"

# -- the file list: every part the README promises, at its Debian path.
listing="$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./||')"
expected=(usr/bin/journeysim usr/share/man/man1/journeysim.1.gz
          usr/share/doc/journeysim/copyright usr/share/doc/journeysim/changelog.gz
          usr/share/doc/journeysim/README.md
          usr/lib/cmake/journeysim_sdk/journeysim_sdk-config.cmake
          usr/lib/cmake/journeysim_sdk/journeysim_sdk-config-version.cmake
          usr/share/pkgconfig/journeysim_sdk.pc
          usr/share/doc/journeysim/examples/text-message-channel/text_message_channel.cpp)
for h in sdk/include/journeysim/*.h plugins/testing/journeysim/*.h; do
  expected+=("usr/include/journeysim/$(basename "$h")")
done
for doc in docs/*.md; do
  expected+=("usr/share/doc/journeysim/$doc")
done
plugins=()
for so in "$build"/plugins/libjourneysim_*.so; do
  name="$(basename "$so" .so)"; name="${name#libjourneysim_}"
  plugins+=("$name")
  expected+=("usr/lib/journeysim/plugins/libjourneysim_$name.so"
             "usr/share/doc/journeysim/plugins/$name/README.md")
done
for s in scenarios/*.toml; do
  expected+=("usr/share/journeysim/scenarios/$(basename "$s")")
done
for path in "${expected[@]}"; do
  grep -qxF "$path" <<<"$listing" || fail "$path is not in the package"
done
stray="$(grep -v '^usr/' <<<"$listing" || true)"
[[ -z "$stray" ]] || fail "files outside /usr: $stray"

# -- unpacked: the CLI from its own prefix, run from an unrelated directory
# with no plugin path set, must load the unpacked plugins and nothing else.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dpkg-deb -x "$deb" "$work/root"
prefix="$work/root/usr"
js="$prefix/bin/journeysim"
mkdir "$work/elsewhere"
cd "$work/elsewhere"
unset JOURNEYSIM_PLUGIN_PATH
found="$("$js" plugins | sed -n 's|^\([a-z_]*\) [0-9.]*  (\(/.*\))$|\1 \2|p' | sort)"
wanted="$(for p in "${plugins[@]}"; do
            echo "$p $prefix/lib/journeysim/plugins/libjourneysim_$p.so"
          done | sort)"
[[ "$found" == "$wanted" ]] ||
  fail "the unpacked CLI loaded plugins:"$'\n'"$found"$'\n'"expected:"$'\n'"$wanted"
scenarios="$prefix/share/journeysim/scenarios"
"$js" validate "$scenarios"/*.toml >/dev/null
map="$("$js" run "$scenarios/store-launch.toml" --agents 20000 --quiet)"
grep -q '^JOURNEY MAP' <<<"$map" || fail "run printed no journey map"
"$js" check "$scenarios"/*.toml --quiet >/dev/null || fail "the packaged examples fail their thresholds"
zcat "$prefix/share/man/man1/journeysim.1.gz" | grep -qx '\.SS run' || fail "the man page lacks the run command"
cd "$source_dir"

# -- the SDK: pkg-config finds the unpacked headers; an out-of-tree channel
# builds with find_package(journeysim_sdk) and runs under the unpacked CLI.
includedir="$(PKG_CONFIG_PATH="$prefix/share/pkgconfig" pkg-config --variable=includedir journeysim_sdk)"
[[ -f "$includedir/journeysim/channel_sdk.h" ]] || fail "pkg-config's includedir $includedir has no SDK"
tests/out_of_tree_plugin_test.sh "$build" "$source_dir" "$prefix"

echo "package check: $deb ($(du -k "$deb" | cut -f1) KiB, $(wc -l <<<"$listing") entries) " \
     "Depends: $depends"
