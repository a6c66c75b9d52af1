#!/usr/bin/env bash
# journeysim run, sweep and compare under mpirun on loopback (issue 7): 2 and
# 3 ranks give the single-process bytes (3 divides neither the agent count
# nor its 64-agent chunks), percentiles of time to convert included; a rank
# that dies or fails ends the whole job with a message, never a hang.
# Usage: mpi_run_test.sh JOURNEYSIM SOURCE_DIR MPIRUN
set -euo pipefail
js="$1"; source_dir="$2"; mpirun_exe="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
scenario="$source_dir/scenarios/store-launch.toml"

# Containers run tests as root; one machine has fewer cores than ranks;
# shared memory between ranks, no single-copy (often blocked in containers).
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl=self,vader OMPI_MCA_btl_vader_single_copy_mechanism=none
export OMPI_MCA_rmaps_base_oversubscribe=1
# Under AddressSanitizer (scripts/test.sh), OpenMPI's own allocations made
# in MPI_Init and never freed would be reported as leaks; journeysim's are
# checked by every other test, which runs without MPI.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
# No job may hang: every mpirun gets this many seconds.
limit=120
mpirun=(timeout "$limit" "$mpirun_exe" --oversubscribe)
any_seed=(run "$scenario" --agents 10001 --threads 1 --quiet)
run_args=("${any_seed[@]}" --seed 7)

fail() { echo "FAIL: $*" >&2; exit 1; }

# --- the same bytes as one process -----------------------------------------
for format in json csv; do
  "$js" "${run_args[@]}" --format "$format" >"$work/single.$format"
  for n in 2 3; do
    "${mpirun[@]}" -n "$n" "$js" "${run_args[@]}" --format "$format" >"$work/mpi$n.$format" ||
      fail "mpirun -n $n exited $?"
    cmp "$work/single.$format" "$work/mpi$n.$format" ||
      fail "$format from $n ranks differs from the single-process run"
  done
done
# --out is written once, by rank 0, and equal too.
"${mpirun[@]}" -n 3 "$js" "${run_args[@]}" --format json --out "$work/out.json" >"$work/stdout"
cmp "$work/single.json" "$work/out.json" || fail "--out from 3 ranks differs"
[ ! -s "$work/stdout" ] || fail "--out run printed to stdout"
# Percentiles of time to convert: exact merges of the rank histograms.
grep '^time_to_convert' "$work/single.csv" >"$work/pct.single" || fail "no time_to_convert rows"
grep -q 'p90' "$work/pct.single" || fail "no p90 row"
for n in 2 3; do
  grep '^time_to_convert' "$work/mpi$n.csv" | cmp - "$work/pct.single" ||
    fail "time-to-convert percentiles from $n ranks differ"
done
echo "2 and 3 ranks: byte-identical JSON and CSV, percentiles included"

# --manifest-execution records the ranks; nothing else in the output moves.
"${mpirun[@]}" -n 3 "$js" "${run_args[@]}" --format csv --manifest-execution >"$work/exec3.csv" ||
  fail "mpirun -n 3 --manifest-execution exited $?"
grep -qx '# execution.mpi_ranks: 3' "$work/exec3.csv" || fail "execution block lacks mpi_ranks: 3"
grep -v '^# execution\.' "$work/exec3.csv" | cmp - "$work/single.csv" ||
  fail "--manifest-execution changed more than the execution lines"
echo "3 ranks with --manifest-execution: only the execution lines differ"

# sweep: every point's agents spread over the ranks, the same report.
sweep_args=(sweep "$scenario" --set touchpoints.checkout.params.steps=2..4
  --set touchpoints.checkout.params.page_load_s=1,3 --agents 3001 --threads 1
  --optimize conversion_rate --format json --quiet)
"$js" "${sweep_args[@]}" >"$work/sweep1.json"
for n in 2 3; do
  "${mpirun[@]}" -n "$n" "$js" "${sweep_args[@]}" >"$work/sweep$n.json" ||
    fail "sweep on $n ranks exited $?"
  cmp "$work/sweep1.json" "$work/sweep$n.json" || fail "sweep on $n ranks differs"
done
echo "sweep on 2 and 3 ranks: byte-identical JSON"

# compare: the clusters of agents spread over the ranks; paired moments and
# tallies merged exactly on rank 0.
compare_args=(compare "$scenario" "$source_dir/scenarios/store-launch.guest-checkout.toml"
  --agents 20001 --threads 1 --format json --quiet)
"$js" "${compare_args[@]}" >"$work/compare1.json"
for n in 2 3; do
  "${mpirun[@]}" -n "$n" "$js" "${compare_args[@]}" >"$work/compare$n.json" ||
    fail "compare on $n ranks exited $?"
  cmp "$work/compare1.json" "$work/compare$n.json" || fail "compare on $n ranks differs"
done
echo "compare on 2 and 3 ranks: byte-identical JSON"

# A journey whose customers queue for a team (issue 18): the coupled pass
# runs in full on every rank, the blocks are shared; the same bytes.
queue_args=(run "$source_dir/tests/data/journeys/help-desk-queue.toml" --agents 3001 --threads 1
  --seed 5 --format json --quiet)
"$js" "${queue_args[@]}" >"$work/queue1.json"
grep -q '"resources"' "$work/queue1.json" || fail "the queue journey reported no resources"
for n in 2 3; do
  "${mpirun[@]}" -n "$n" "$js" "${queue_args[@]}" >"$work/queue$n.json" ||
    fail "queue journey on $n ranks exited $?"
  cmp "$work/queue1.json" "$work/queue$n.json" || fail "queue journey on $n ranks differs"
done
echo "journey with a queue on 2 and 3 ranks: byte-identical JSON"

# expect_failure NAME EXPECTED_CODE STDERR_PATTERN -- COMMAND...: the job
# ends within the time limit, with that exit code ("nonzero": any but 0 and
# 124, the timeout's) and a message matching the pattern.
expect_failure() {
  local name="$1" expected="$2" pattern="$3"; shift 4
  local code=0
  "$@" >"$work/$name.out" 2>"$work/$name.err" || code=$?
  [ "$code" -ne 124 ] || fail "$name: hung (killed after ${limit}s)"
  if [ "$expected" = nonzero ]; then
    [ "$code" -ne 0 ] || fail "$name: exited 0"
  else
    [ "$code" -eq "$expected" ] || { cat "$work/$name.err" >&2; fail "$name: exit $code, expected $expected"; }
  fi
  grep -Eq "$pattern" "$work/$name.err" || { cat "$work/$name.err" >&2; fail "$name: no message matching '$pattern'"; }
  [ ! -s "$work/$name.out" ] || fail "$name: printed results"
  echo "$name: exit $code, message: $(grep -Em1 "$pattern" "$work/$name.err")"
}

# A rank killed before it sends its tally (JOURNEYSIM_TEST_FAIL_RANK is a
# test-only hook): mpirun ends the job and names the process.
expect_failure killed_rank nonzero 'exit(ed)? (code|status)|non-zero|terminated' -- \
  "${mpirun[@]}" -n 3 -x JOURNEYSIM_TEST_FAIL_RANK=1 "$js" "${run_args[@]}" --format json
# A rank whose run fails (as a plugin failing on one node would).
expect_failure failing_rank 2 'journeysim: rank 1 failed: ' -- \
  "${mpirun[@]}" -n 2 -x JOURNEYSIM_TEST_FAIL_RANK=1:throw "$js" "${run_args[@]}" --format json
# One node cannot load the scenario (here: another file name on rank 1).
expect_failure missing_on_one_rank 2 'rank\(s\) 1 could not load' -- \
  "${mpirun[@]}" -n 1 "$js" "${run_args[@]}" : -n 1 "$js" run "$work/missing.toml" --quiet
grep -q 'missing.toml: error' "$work/missing_on_one_rank.err" ||
  fail "missing_on_one_rank: rank 1's diagnostic not shown"
# A bad scenario everywhere: its diagnostics once, exit 2.
printf '[journey]\nname = "x"\nagentz = 5\n' >"$work/bad.toml"
expect_failure bad_everywhere 2 'bad.toml:3:1: error' -- \
  "${mpirun[@]}" -n 3 "$js" run "$work/bad.toml" --quiet
[ "$(grep -c 'bad.toml:3:1: error' "$work/bad_everywhere.err")" -eq 1 ] ||
  fail "bad_everywhere: diagnostics printed more than once"
# A bad sweep axis: found before any point runs, on every rank; said once.
expect_failure bad_sweep_axis 2 "unknown parameter 'stepz'" -- \
  "${mpirun[@]}" -n 3 "$js" sweep "$scenario" --set touchpoints.checkout.params.stepz=2..4 --quiet
[ "$(grep -c "unknown parameter 'stepz'" "$work/bad_sweep_axis.err")" -eq 1 ] ||
  fail "bad_sweep_axis: diagnostics printed more than once"
# A variant missing everywhere: said once, exit 2.
expect_failure missing_variant 2 'missing-variant.toml: error' -- \
  "${mpirun[@]}" -n 2 "$js" compare "$scenario" "$work/missing-variant.toml" --quiet
# Ranks that would compute different things (another seed on rank 1).
expect_failure different_seed 2 'rank 1 differs from rank 0: seed' -- \
  "${mpirun[@]}" -n 1 "$js" "${any_seed[@]}" --seed 7 : -n 1 "$js" "${any_seed[@]}" --seed 8
# A rank that stops before any collective call (a bad option on rank 1 only)
# ends the job instead of leaving rank 0 waiting.
expect_failure bad_option_on_one_rank 2 'not expected|--bogus' -- \
  "${mpirun[@]}" -n 1 "$js" "${run_args[@]}" : -n 1 "$js" "${run_args[@]}" --bogus
echo "mpi run: all checks passed"
