#!/bin/sh
# inspex audit --db: the records of a database are audited like a records
# file, and a source changed after extraction is caught the same way.
INSPEX=${INSPEX:-./inspex}
pass=0; fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "not ok $*"; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
mkdir "$t/in"
cp corpus/01_*.txt corpus/05_*.txt corpus/19_*.txt "$t/in/"
"$INSPEX" extract --db "$t/r.sqlite" "$t/in" 2>/dev/null && ok || bad "extract --db"
"$INSPEX" extract "$t/in" > "$t/r.jsonl" 2>/dev/null && ok || bad "extract"
"$INSPEX" audit --db "$t/r.sqlite" > "$t/db.txt"; [ $? = 0 ] && ok || bad "audit --db of fresh records fails: $(tail -1 "$t/db.txt")"
"$INSPEX" audit "$t/r.jsonl" > "$t/js.txt"
[ "$(tail -1 "$t/db.txt")" = "$(tail -1 "$t/js.txt")" ] && ok || bad "database and JSON Lines audits differ: $(tail -1 "$t/db.txt") / $(tail -1 "$t/js.txt")"
"$INSPEX" audit "$t/r.sqlite" > /dev/null && ok || bad "a database given without --db is not recognised"
"$INSPEX" audit --db "$t/r.sqlite" "$t/r.jsonl" > /dev/null 2>&1; [ $? = 2 ] && ok || bad "--db with a records file is not a usage error"
"$INSPEX" audit --db "$t/missing.sqlite" > /dev/null 2> "$t/missing.err"; [ $? = 2 ] && ok || bad "a missing database is not exit 2"
[ "$(grep -o 'missing.sqlite' "$t/missing.err" | wc -l)" = 1 ] && ok || bad "a missing database's message names it once: $(cat "$t/missing.err")"
# change one byte of one source after extraction
f=$(ls "$t/in"/05_*.txt); printf 'X' | dd of="$f" bs=1 seek=10 conv=notrunc 2>/dev/null
"$INSPEX" audit --db "$t/r.sqlite" > "$t/tamper.txt"; rc=$?
[ $rc = 1 ] && ok || bad "a changed source does not fail the database audit (exit $rc)"
grep -q "source changed since extraction" "$t/tamper.txt" && ok || bad "no 'source changed since extraction' reason"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
