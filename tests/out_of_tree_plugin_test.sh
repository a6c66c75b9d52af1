#!/usr/bin/env bash
# Usage: out_of_tree_plugin_test.sh BUILD_DIR SOURCE_DIR [PREFIX]
# Installs journeysim to a scratch prefix (or takes an installed tree,
# PREFIX: scripts/package-check.sh passes the unpacked .deb's usr/), builds
# examples/text-message-channel against the installed plugin SDK alone
# (find_package(journeysim_sdk), target journeysim::sdk), and runs a journey
# through it with the installed CLI. The SMS model gives
# conversion = delivery * click_rate * 2 * affinity = 0.9 * 0.2 = 0.18.
set -euo pipefail
build_dir="$1"; source_dir="$2"; prefix="${3:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [[ -z "$prefix" ]]; then
  prefix="$work/prefix"
  cmake --install "$build_dir" --prefix "$prefix" >/dev/null
fi
# The SDK is all a plugin author gets: its headers and the channel test
# harness, none of the host's.
installed="$(cd "$prefix/include/journeysim" && ls | sort | tr '\n' ' ')"
expected="channel_boundary.h channel_harness.h channel_params.h channel_sdk.h "
[[ "$installed" == "$expected" ]] ||
  { echo "installed include/journeysim: '$installed', expected '$expected'"; exit 1; }
cmake -S "$source_dir/examples/text-message-channel" -B "$work/text" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/text" >/dev/null
mkdir -p "$work/plugins" && cp "$work/text/libjourneysim_text_message.so" "$work/plugins/"
chmod 755 "$work/plugins"
js="$prefix/bin/journeysim"
listing="$("$js" plugins --plugin-dir "$work/plugins")"
grep -q "^text_message 1.0.0" <<<"$listing" || { echo "text_message not listed by journeysim plugins"; exit 1; }
rate="$("$js" run "$source_dir/examples/text-message-channel/text-message-journey.toml" --plugin-dir "$work/plugins" \
  --format csv --quiet | awk -F, '$1 == "conversion_rate" { print $5 }')"
# 4 standard errors at n = 20000: 4 * sqrt(0.18 * 0.82 / 20000) = 0.011
awk -v r="$rate" 'BEGIN { d = r - 0.18; exit !(d < 0.011 && d > -0.011) }' ||
  { echo "conversion $rate, expected 0.18 +- 0.011"; exit 1; }
echo "out-of-tree text_message channel: conversion $rate (expected 0.18)"
