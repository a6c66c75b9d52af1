#!/usr/bin/env bash
# Nothing lost (issue 9): a long run stopped by SIGTERM or SIGINT exits 143 or
# 130 with a message, and its --out file still holds the previous results,
# whole, with no temporary file left beside it.
# Usage: interrupt_test.sh JOURNEYSIM SOURCE_DIR
set -euo pipefail
js="$1"; source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scenario="$source_dir/scenarios/store-launch.toml"
fail() { echo "FAIL: $*" >&2; exit 1; }

# A finished run first, so the file holds real old results.
"$js" run "$scenario" --agents 2000 --format json --quiet --out "$work/out.json"
cp "$work/out.json" "$work/old.json"

for signal in TERM INT; do
  expected=$([ "$signal" = TERM ] && echo 143 || echo 130)
  # 10^10 agents: hours of work, so the signal always lands mid-run.
  "$js" run "$scenario" --agents 1e10 --threads 2 --format json --quiet \
    --out "$work/out.json" 2>"$work/stderr" &
  pid=$!
  sleep 2
  kill -s "$signal" "$pid"
  # The run stops at its next block; give it 60 s before calling it a hang.
  for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid"
    fail "SIG$signal: the run did not stop within 60 s"
  fi
  code=0
  wait "$pid" || code=$?
  [ "$code" = "$expected" ] || fail "SIG$signal: exit $code, expected $expected"
  grep -q "interrupted" "$work/stderr" || fail "SIG$signal: no message: $(cat "$work/stderr")"
  cmp "$work/old.json" "$work/out.json" || fail "SIG$signal: the old --out file changed"
  leftovers=$(ls -A "$work" | grep -v -x -e out.json -e old.json -e stderr || true)
  [ -z "$leftovers" ] || fail "SIG$signal: left behind: $leftovers"
  echo "SIG$signal: exit $code, old results intact, nothing left behind"
done
