#!/bin/sh
# tests/run.sh — runs every test of the project and prints the closing line
# "N passed, N failed". Each suite prints its own "N passed, N failed" line;
# this script adds them up. Suites:
#   build/tests/*        unit tests (C, from tests/unit/*.c)
#   tests/t_*.sh         everything else (golden, rules, spans, robustness, ...)
# A suite that crashes or prints no summary counts as one failure.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
export INSPEX
total_p=0; total_f=0
run_suite() {
  name=$1; shift
  out=$("$@" 2>&1); rc=$?
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [ -z "$line" ]; then
    printf '%s\n' "$out" | tail -n 20
    echo "FAIL $name: no summary line (exit $rc)"
    total_f=$((total_f + 1)); return
  fi
  p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
  if [ "$f" != 0 ] || [ "$rc" != 0 ]; then
    printf '%s\n' "$out" | grep -v -E '^(ok|PASS) ' | tail -n 40
    [ "$f" = 0 ] && f=1
  fi
  printf '%-28s %s\n' "$name" "$line"
  total_p=$((total_p + p)); total_f=$((total_f + f))
}
for t in build/tests/*; do
  [ -x "$t" ] && run_suite "unit/$(basename "$t")" "$t"
done
for t in tests/t_*.sh; do
  [ -f "$t" ] && run_suite "$(basename "$t" .sh)" sh "$t"
done
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ]
