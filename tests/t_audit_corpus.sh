#!/bin/sh
# t_audit_corpus.sh — `inspex audit` on what `inspex extract` makes of the
# corpus and of the shared seeds: every record traces back to its source and
# the figures agree with each other. A failure is an extraction slip the audit
# caught (its reason names it) or an audit bug. Known extraction gaps are
# listed in tests/audit/corpus-known.txt (strict: a listed gap that no longer
# fails is an error too, so the list is kept current).
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
KNOWN=tests/audit/corpus-known.txt
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
audit_set() {
  name=$1; shift
  "$INSPEX" extract "$@" > "$T/$name.jsonl" 2> "$T/$name.err"
  "$INSPEX" audit --json "$T/$name.jsonl" > "$T/$name.verdicts"; rc=$?
  if [ $rc != 0 ] && [ $rc != 1 ]; then fail=$((fail + 1)); echo "not ok audit of $name ran (exit $rc)"; return; fi
  # failing (doc, check) pairs, against the known list
  python3 - "$name" "$T/$name.verdicts" "$KNOWN" > "$T/$name.cmp" <<'PY'
import json, sys
name, verdicts, known = sys.argv[1:4]
got = {}
for line in open(verdicts, encoding="utf-8"):
    v = json.loads(line)
    for c in v["checks"]:
        if c["verdict"] == "fail":
            got.setdefault((v["doc"], c["check"]), c.get("reason", ""))
want = set()
for line in open(known, encoding="utf-8"):
    line = line.split("#", 1)[0].split()
    if len(line) == 3 and line[0] == name:
        want.add((line[1], line[2]))
for k in sorted(got):
    print(("xfail" if k in want else "new") + "\t%s %s: %s" % (k[0], k[1], got[k]))
for k in sorted(want - set(got)):
    print("fixed\t%s %s" % k)
PY
  while IFS='	' read -r kind what; do
    case $kind in
      xfail) echo "ok known extraction gap (listed in $KNOWN): $what" ;;
      new) fail=$((fail + 1)); echo "not ok $name: $what" ;;
      fixed) fail=$((fail + 1)); echo "not ok $name: $what no longer fails: delete its line from $KNOWN" ;;
    esac
  done < "$T/$name.cmp"
  if ! grep -q -v '^xfail' "$T/$name.cmp"; then
    pass=$((pass + 1)); echo "ok audit of $name: $(grep -c . "$T/$name.verdicts") records, no unexpected failure"
  fi
}
audit_set corpus corpus/
if [ -d ../shared/seeds ]; then audit_set seeds ../shared/seeds
else echo "ok seeds: ../shared/seeds absent, skipped"; fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
