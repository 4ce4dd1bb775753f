#!/bin/sh
# tests/run.sh — runs every test of the project and prints the closing line
# "N passed, N failed". Each suite prints its own "N passed, N failed" line;
# this script adds them up. Suites:
#   build/tests/*        unit tests (C, from tests/unit/*.c)
#   tests/t_*.sh         everything else (golden, rules, spans, robustness, ...)
# A suite that crashes or prints no summary counts as one failure.
#
# Suites run TEST_JOBS at a time (default: the number of cores), each into its
# own log; the summary is printed afterwards in the fixed order above, so the
# output does not depend on which suite finished first. Every suite works in
# its own mktemp directory, and the timing-sensitive ones count instructions
# (callgrind), not seconds, so running them side by side changes no result.
# The slowest suites of the last run start first (build/test-times), which
# keeps one long suite from running alone at the end.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
export INSPEX
# One suite: its output, exit status and seconds, under a name safe as a file.
run_one() {
  key=$(echo "$1" | tr '/.' '__')
  s=$(date +%s)
  case $1 in
    *.sh) sh "$1" > "$2/$key.out" 2>&1 ;;
    *)    "$1" > "$2/$key.out" 2>&1 ;;
  esac
  echo $? > "$2/$key.rc"
  echo "$(( $(date +%s) - s )) $1" > "$2/$key.time"
}
if [ "${1:-}" = --one ]; then run_one "$2" "$3"; exit 0; fi

jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
logs=$(mktemp -d) || exit 2
trap 'rm -rf "$logs"' EXIT INT TERM

suites=
for t in build/tests/*; do [ -x "$t" ] && suites="$suites $t"; done
for t in tests/t_*.sh; do [ -f "$t" ] && suites="$suites $t"; done

# Longest first, by the last run's times (unknown suites count as long).
order=$(for t in $suites; do
          s=$(awk -v t="$t" '$2 == t { print $1 }' build/test-times 2>/dev/null)
          echo "${s:-999} $t"
        done | sort -k1,1nr -k2 | cut -d' ' -f2)

# xargs runs the pool; each job is this script re-entered with --one.
printf '%s\n' $order | xargs -P "$jobs" -I{} sh "$(pwd)/tests/run.sh" --one {} "$logs"

total_p=0; total_f=0
for t in $suites; do
  key=$(echo "$t" | tr '/.' '__')
  case $t in *.sh) name=$(basename "$t" .sh) ;; *) name="unit/$(basename "$t")" ;; esac
  out=$(cat "$logs/$key.out" 2>/dev/null); rc=$(cat "$logs/$key.rc" 2>/dev/null || echo 99)
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -n 1)
  if [ -z "$line" ]; then
    printf '%s\n' "$out" | tail -n 20
    echo "FAIL $name: no summary line (exit $rc)"
    total_f=$((total_f + 1)); continue
  fi
  p=$(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
  if [ "$f" != 0 ] || [ "$rc" != 0 ]; then
    printf '%s\n' "$out" | grep -v -E '^(ok|PASS) ' | tail -n 40
    [ "$f" = 0 ] && f=1
  fi
  printf '%-28s %s\n' "$name" "$line"
  total_p=$((total_p + p)); total_f=$((total_f + f))
done
mkdir -p build && cat "$logs"/*.time > build/test-times 2>/dev/null
echo "$total_p passed, $total_f failed"
[ "$total_f" = 0 ]
