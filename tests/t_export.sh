#!/bin/sh
# t_export.sh — `inspex rules --export-regex`: the rule set as one pattern
# set for `rg -c -P -f RULES` (what `make bench` compares inspex with). One
# line per rule, the shared macros defined once on the last line; ripgrep
# must compile it as one PCRE2 pattern (its compiled size is capped at 64 KB
# by Debian's PCRE2, so a rule change can push it over) and find the rules'
# matches in the corpus.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok $1"; else fail=$((fail + 1)); echo "FAIL $1"; fi; }

$INSPEX rules --export-regex patterns > "$T/rules.txt"; rc=$?
check "export exits 0" '[ $rc = 0 ]'
nrules=$($INSPEX rules --list patterns | wc -l)
check "one line per rule ($nrules)" '[ "$(wc -l < "$T/rules.txt")" = "$nrules" ]'
check "macros defined once, on the last line" '[ "$(grep -c "(?(DEFINE)" "$T/rules.txt")" = 1 ] && tail -n 1 "$T/rules.txt" | grep -q "(?(DEFINE)"'
check "no rule names a macro it does not define" '! grep -q "{[A-Z][A-Z0-9_]*}" "$T/rules.txt"'
if command -v rg > /dev/null 2>&1; then
  rg -c -P -f "$T/rules.txt" corpus/ > "$T/rg.out" 2> "$T/rg.err"; rc=$?
  check "rg -P compiles the set (exit $rc: $(head -c 120 "$T/rg.err"))" '[ $rc = 0 ]'
  n=$(ls corpus/*.txt | wc -l)
  check "rg finds rule matches in every corpus article" '[ "$(grep -c "\.txt:" "$T/rg.out")" = "$n" ]'
else
  echo "SKIPPED rg checks: ripgrep is not installed (make deps)"
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
