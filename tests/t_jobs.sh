#!/bin/sh
# t_jobs.sh — the output does not depend on the number of threads: -j 1,
# -j 2, -j 3 and -j 8 give byte-identical records, error messages and exit
# status, over a synthetic dump (tools/benchgen.c, 2 MB), the same documents
# as a folder of files, the corpus, a dump with malformed lines, and a folder
# with a dangling link and invalid text between dumps and named files.
# (Speed is measured by `make bench`, never here.)
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "not ok: $*"; }
cc -O2 -o "$T/benchgen" tools/benchgen.c || { echo "0 passed, 1 failed"; exit 1; }
"$T/benchgen" -s 5 -m 2 -o "$T/dump.jsonl" -d "$T/files" > /dev/null || { echo "0 passed, 1 failed"; exit 1; }
printf '%s\n' '{"id":"good","text":"Kent County Council was rated inadequate."}' '{"id":"bad"' \
  '{"id":"nulltext","text":null}' '{"id":"good2","text":"Ofsted rated Hull good."}' > "$T/errors.jsonl"

same() {   # same NAME ARGS... : every -j gives the same bytes as -j 1 (stdin: $STDIN)
  name=$1; shift
  "$INSPEX" extract --quiet -j 1 "$@" < "${STDIN:-/dev/null}" > "$T/j1.out" 2> "$T/j1.err"; rc1=$?
  [ -s "$T/j1.out" ] && ok || no "$name: -j 1 wrote nothing"
  for j in 2 3 8; do
    "$INSPEX" extract --quiet -j "$j" "$@" < "${STDIN:-/dev/null}" > "$T/jn.out" 2> "$T/jn.err"; rcn=$?
    if cmp -s "$T/j1.out" "$T/jn.out"; then ok; else no "$name: -j $j output differs from -j 1"; fi
    if cmp -s "$T/j1.err" "$T/jn.err"; then ok; else no "$name: -j $j messages differ"; fi
    [ "$rc1" = "$rcn" ] && ok || no "$name: -j $j exit $rcn, -j 1 exit $rc1"
  done
}
same dump --input jsonl "$T/dump.jsonl"
same folder "$T/files"
# a folder's files are read by the workers, outside the source lock: files
# that cannot be read keep their place and their messages
mkdir -p "$T/mixed/sub" && cp "$T/files/0000/"000000[0-4].txt "$T/mixed/" && cp "$T/files/0000/0000005.txt" "$T/mixed/sub/"
ln -s nowhere.txt "$T/mixed/0000001b.txt"; ln -s 0000001.txt "$T/mixed/0000002b.txt"
printf '\377\376bad' > "$T/mixed/0000003b.txt"
same mixed-folder "$T/mixed" "$T/errors.jsonl" "$T/files/0000/0000009.txt"
grep -q 'symbolic link to nothing' "$T/j1.out" && ok || no "mixed-folder: no error record for the dangling link"
n=$(grep -Ec '^\{"type":"(doc|error)"' "$T/j1.out")
[ "$n" = 13 ] && ok || no "mixed-folder: $n doc and error records, not 13"
same corpus corpus/
same types --types council,rating --input jsonl "$T/dump.jsonl"
same errors --input jsonl "$T/errors.jsonl"
STDIN="$T/dump.jsonl" same stdin --input jsonl -

# the folder and the dump hold the same documents: same number of records
a=$("$INSPEX" extract --quiet -j 2 "$T/files" | grep -vc '"type":"doc"')
b=$("$INSPEX" extract --quiet -j 2 --input jsonl "$T/dump.jsonl" | grep -vc '"type":"doc"')
[ "$a" = "$b" ] && ok || no "folder gives $a records, dump $b"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
