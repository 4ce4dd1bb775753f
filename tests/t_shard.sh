#!/bin/sh
# t_shard.sh — inspex as a stateless mapper (Hadoop Streaming, Spark
# RDD.pipe): a JSON Lines dump cut into shards by GNU parallel --pipe, one
# `inspex extract --input jsonl -` per shard, merged in order, equals one
# process over the whole dump. The only field that may differ is a doc
# record's "source" ("-:LINE"), which can only count lines of its own shard;
# both outputs are compared with it blanked. Also: with stdin a pipe and
# stdout a pipe, each document's records come out before the input ends.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
case $INSPEX in /*) ;; *) INSPEX=$(pwd)/$INSPEX ;; esac
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "not ok: $*"; }
command -v parallel > /dev/null || { echo "not ok: GNU parallel is missing (make deps)"; echo "0 passed, 1 failed"; exit 1; }
cc -O2 -o "$T/benchgen" tools/benchgen.c || { echo "0 passed, 1 failed"; exit 1; }
"$T/benchgen" -s 9 -m 0.6 -o "$T/dump.jsonl" > /dev/null || { echo "0 passed, 1 failed"; exit 1; }
# a dump line that is not an object and one with no text: errors travel too
printf '%s\n' '[1]' '{"id":"no-text"}' >> "$T/dump.jsonl"
blank() { sed -E 's/"(source|doc)":"-:[0-9]+"/"\1":"-"/g'; }

"$INSPEX" extract --input jsonl - < "$T/dump.jsonl" 2> /dev/null | blank > "$T/single.jsonl"
n=$(grep -c '"type":"doc"' "$T/single.jsonl")
[ "$n" -gt 100 ] && ok || no "single run made only $n doc records"

# ordered merge: --keep-order
parallel --will-cite --pipe --keep-order --block 120k -j 2 "$INSPEX" extract --input jsonl - \
  < "$T/dump.jsonl" 2> /dev/null | blank > "$T/merged.jsonl"
shards=$(parallel --will-cite --pipe --block 120k -j 2 wc -l < "$T/dump.jsonl" | wc -l)
[ "$shards" -ge 4 ] && ok || no "expected several shards, got $shards"
cmp -s "$T/single.jsonl" "$T/merged.jsonl" && ok || no "parallel --keep-order output differs from one process"

# unordered merge: equal after sorting
parallel --will-cite --pipe --block 120k -j 2 "$INSPEX" extract -j 2 --input jsonl - \
  < "$T/dump.jsonl" 2> /dev/null | blank | sort > "$T/merged_sorted.jsonl"
sort "$T/single.jsonl" | cmp -s - "$T/merged_sorted.jsonl" && ok || no "unordered shards differ from one process after sort"

# streaming: the first document's records arrive while stdin is still open
mkfifo "$T/in"
( "$INSPEX" extract --input jsonl - < "$T/in" | { IFS= read -r line; printf '%s\n' "$line" > "$T/first"; cat > /dev/null; } ) &
exec 3> "$T/in"
printf '%s\n' '{"id":"s1","text":"Ofsted rated Kent County Council inadequate."}' >&3
i=0
while [ ! -s "$T/first" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$T/first" ] && ok || no "no output for the first document while its input stayed open (not flushed)"
exec 3>&-
wait
grep -q '"doc":"s1"' "$T/first" && ok || no "first streamed record is not the doc record of s1"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
