#!/bin/sh
# t_audit_corpus.sh — `inspex audit` passes on what `inspex extract` makes of
# the corpus and of the shared seeds: every record traces back to its source,
# and the figures agree with each other. A failure here is either an
# extraction slip the audit caught (the reason names it) or an audit bug.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
audit_set() {
  name=$1; shift
  "$INSPEX" extract "$@" > "$T/$name.jsonl" 2> "$T/$name.err"
  out=$("$INSPEX" audit "$T/$name.jsonl" 2>&1); rc=$?
  if [ $rc = 0 ]; then
    pass=$((pass + 1)); echo "ok audit of $name: $(printf '%s\n' "$out" | tail -n 1)"
  else
    fail=$((fail + 1)); echo "not ok audit of $name (exit $rc)"
    printf '%s\n' "$out" | grep -A1 -E '^(FAIL|audit )' | sed 's/^/    /' | head -40
  fi
}
audit_set corpus corpus/
if [ -d ../shared/seeds ]; then audit_set seeds ../shared/seeds
else echo "ok seeds: ../shared/seeds absent, skipped"; fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
