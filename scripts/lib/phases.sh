# Phase timing for the build and test scripts: `phase NAME COMMAND...` runs
# one phase, and the table of every phase's wall time is printed when the
# script ends, whether it passed or failed, so the next person sees where CI's
# time goes.
phase_names=()
phase_seconds=()
phase_started_at=$(date +%s.%N)

phase() {
  local name=$1
  shift
  echo "== $name"
  local start end status=0
  start=$(date +%s.%N)
  "$@" || status=$?
  end=$(date +%s.%N)
  phase_names+=("$name")
  phase_seconds+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')")
  if [ "$status" -ne 0 ]; then
    echo "== $name: FAILED (exit $status)" >&2
    exit "$status"
  fi
}

print_phase_table() {
  local total
  total=$(awk -v a="$phase_started_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  echo
  echo "== phase times (wall clock)"
  local i
  for i in "${!phase_names[@]}"; do
    printf '  %7s s  %s\n' "${phase_seconds[$i]}" "${phase_names[$i]}"
  done
  local whole=${total%.*}
  printf '  %7s s  total (%d min %02d s)\n' "$total" $((whole / 60)) $((whole % 60))
}
trap print_phase_table EXIT
