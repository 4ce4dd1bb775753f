#!/bin/sh
# tools/bench.sh — `make bench`: how fast inspex is, measured side by side
# with ripgrep scanning inspex's own rules over the same bytes.
#
#   1. tools/benchgen.c writes a seeded synthetic dump from corpus/ (default
#      1000 MB of article text): once as a folder of files, once as one
#      JSON Lines dump. It is kept in $BENCH_DIR and reused while the size,
#      seed, generator and corpus are unchanged.
#   2. inspex extract runs over the folder (-j 1) and the dump (-j 1, -j 2);
#      the -j 1 and -j 2 outputs must be byte-identical.
#   3. rg -c -P -f RULES runs over the same folder and dump, RULES being
#      `inspex rules --export-regex`: once single-threaded (-j1) against
#      inspex -j 1, once with -j2 against inspex -j 2.
#   4. Memory (BENCH_MEM=1, default): a 2 GB JSON Lines dump and one 500 MB
#      text file go through inspex; peak RSS is printed next to the target
#      (64 MB + the largest document).
# Every figure comes from one run on this machine; inputs are read once
# before timing so that all runs see the page cache warm.
#
# Environment: BENCH_MB (1000), BENCH_SEED (1), BENCH_DIR (build/bench),
# BENCH_MEM (1), BENCH_BIG_MB (2000), BENCH_ONE_MB (500), BENCH_KEEP (0:
# the generated data is removed at the end unless 1).
set -u
cd "$(dirname "$0")/.." || exit 2
MB=${BENCH_MB:-1000}
SEED=${BENCH_SEED:-1}
D=${BENCH_DIR:-build/bench}
MEM=${BENCH_MEM:-1}
BIG_MB=${BENCH_BIG_MB:-2000}
ONE_MB=${BENCH_ONE_MB:-500}
KEEP=${BENCH_KEEP:-0}
INSPEX=${INSPEX:-./inspex}
GEN=build/benchgen
TIME=/usr/bin/time

for tool in rg $TIME $GEN $INSPEX; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool is missing (make deps; make)" >&2; exit 2; }
done
mkdir -p "$D" || exit 2

# ---- data ---------------------------------------------------------------
stamp="$MB $SEED $(cat corpus/*.txt patterns/councils.tsv $GEN | sha256sum | cut -c1-16)"
if [ "$(cat "$D/stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "bench: generating $MB MB (seed $SEED) into $D ..."
  rm -rf "$D/files" "$D/dump.jsonl" "$D/stamp"
  t0=$(date +%s.%N)
  $GEN -s "$SEED" -m "$MB" -o "$D/dump.jsonl" -d "$D/files" > "$D/gen.txt" || exit 1
  t1=$(date +%s.%N)
  echo "bench: $(cat "$D/gen.txt") in $(echo "$t1 - $t0" | bc) s"
  echo "$stamp" > "$D/stamp"
fi
ndocs=$(sed -E 's/ documents.*//' "$D/gen.txt")
bytes=$(sed -E 's/.*, ([0-9]+) bytes.*/\1/' "$D/gen.txt")
$INSPEX rules --export-regex > "$D/rules.txt" || exit 1
nrules=$(wc -l < "$D/rules.txt")
# Warm the page cache: every run below then reads from memory.
find "$D/files" -type f -exec cat {} + > /dev/null
cat "$D/dump.jsonl" > /dev/null

# ---- runs ---------------------------------------------------------------
# run NAME OUTFILE CMD... : times CMD, keeps "secs maxrss_kb" in $D/NAME.t
run() {
  name=$1; out=$2; shift 2
  $TIME -f "%e %M" -o "$D/$name.t" "$@" > "$out" 2> "$D/$name.err"
  rc=$?
  if [ $rc -gt 1 ]; then echo "bench: $name failed (exit $rc):"; tail -n 5 "$D/$name.err"; exit 1; fi
}
secs() { cut -d' ' -f1 "$D/$1.t"; }
rss() { echo "$(cut -d' ' -f2 "$D/$1.t") / 1024" | bc; }

echo "bench: inspex over the folder (-j 1) ..."
run x_files_j1 "$D/out_files_j1.jsonl" $INSPEX extract --quiet -j 1 "$D/files"
echo "bench: inspex over the dump (-j 1, -j 2) ..."
run x_dump_j1 "$D/out_dump_j1.jsonl" $INSPEX extract --quiet -j 1 --input jsonl "$D/dump.jsonl"
run x_dump_j2 "$D/out_dump_j2.jsonl" $INSPEX extract --quiet -j 2 --input jsonl "$D/dump.jsonl"
echo "bench: rg -c -P -f RULES ($nrules rules) over the same data ..."
run rg_files_j1 /dev/null rg -j1 -c -P -f "$D/rules.txt" "$D/files"
run rg_dump_j1 /dev/null rg -j1 -c -P -f "$D/rules.txt" "$D/dump.jsonl"
run rg_files_j2 /dev/null rg -j2 -c -P -f "$D/rules.txt" "$D/files"
run x_files_j2 "$D/out_files_j2.jsonl" $INSPEX extract --quiet -j 2 "$D/files"

identical=no
cmp -s "$D/out_dump_j1.jsonl" "$D/out_dump_j2.jsonl" && cmp -s "$D/out_files_j1.jsonl" "$D/out_files_j2.jsonl" && identical=yes
recs=$(grep -vc '^{"type":"doc"' "$D/out_dump_j1.jsonl")
recs_f=$(grep -vc '^{"type":"doc"' "$D/out_files_j1.jsonl")
dumpbytes=$(wc -c < "$D/dump.jsonl")

row() {  # row LABEL NAME BYTES RECS
  s=$(secs "$2")
  printf '%-34s %8.2f %9.1f %10.0f %10.0f %8s\n' "$1" "$s" "$(echo "$3 / 1000000 / $s" | bc -l)" \
    "$(echo "$ndocs / $s" | bc -l)" "$(echo "$4 / $s" | bc -l)" "$(rss "$2")"
}
echo
echo "inspex benchmark: $ndocs documents, $(echo "$bytes / 1000000" | bc) MB of article text (seed $SEED), $(nproc) cores"
echo "MB = 10^6 bytes of article text; records = extracted records (not counting doc records)"
printf '%-34s %8s %9s %10s %10s %8s\n' "run" "seconds" "MB/s" "docs/s" "records/s" "RSS MB"
row "inspex -j 1, folder of files" x_files_j1 "$bytes" "$recs_f"
row "inspex -j 1, JSON Lines dump" x_dump_j1 "$bytes" "$recs"
row "inspex -j 2, JSON Lines dump" x_dump_j2 "$bytes" "$recs"
row "inspex -j 2, folder of files" x_files_j2 "$bytes" "$recs_f"
row "rg -j1 -c -P -f RULES, folder" rg_files_j1 "$bytes" 0
row "rg -j1 -c -P -f RULES, dump" rg_dump_j1 "$bytes" 0
row "rg -j2 -c -P -f RULES, folder" rg_files_j2 "$bytes" 0
echo "($recs records from the dump, $recs_f from the folder; the dump file is $(echo "$dumpbytes / 1000000" | bc) MB with its JSON)"
echo
ratio() { echo "scale=2; $(secs "$1") / $(secs "$2")" | bc -l; }
echo "time ratio inspex/rg, folder, 1 thread each:   $(ratio x_files_j1 rg_files_j1)   (target <= 1.0)"
echo "time ratio inspex/rg, dump,   1 thread each:   $(ratio x_dump_j1 rg_dump_j1)   (target <= 1.0)"
echo "time ratio inspex/rg, folder, 2 threads each:  $(ratio x_files_j2 rg_files_j2)"
echo "speed-up -j 2 over -j 1, dump:   $(ratio x_dump_j1 x_dump_j2)x   (target >= 1.8)"
echo "speed-up -j 2 over -j 1, folder: $(ratio x_files_j1 x_files_j2)x"
echo "-j 1 and -j 2 outputs byte-identical: $identical"
[ "$identical" = yes ] || { echo "bench: -j 1 and -j 2 outputs differ"; exit 1; }

# ---- memory -------------------------------------------------------------
if [ "$MEM" = 1 ]; then
  echo
  echo "bench: memory: a $BIG_MB MB JSON Lines dump and one $ONE_MB MB text file ..."
  $GEN -s "$((SEED + 1))" -m "$BIG_MB" -o "$D/big.jsonl" > "$D/big.txt" || exit 1
  $GEN -s "$((SEED + 2))" -m "$ONE_MB" -1 "$D/one.txt" > "$D/one_gen.txt" || exit 1
  bigdocs=$(sed -E 's/ documents.*//' "$D/big.txt")
  bigbytes=$(sed -E 's/.*, ([0-9]+) bytes.*/\1/' "$D/big.txt")
  largest=$(python3 -c "
import json,sys
m=0
for l in open(sys.argv[1],'rb'):
    m=max(m,len(json.loads(l)['text'].encode()))
print(m)" "$D/big.jsonl")
  run m_big "$D/out_big.jsonl" $INSPEX extract --quiet -j 2 --input jsonl "$D/big.jsonl"
  onebytes=$(wc -c < "$D/one.txt")
  run m_one "$D/out_one.jsonl" $INSPEX extract --quiet -j 2 --max-doc-bytes 0 "$D/one.txt"
  oneok=$(grep -c '^{"type":"doc"' "$D/out_one.jsonl")
  printf '%-34s %8s %9s %8s %12s %14s\n' "run" "seconds" "MB/s" "RSS MB" "largest doc" "target RSS MB"
  printf '%-34s %8.2f %9.1f %8s %12s %14s\n' "$bigdocs docs, $(echo "$bigbytes/1000000" | bc) MB dump, -j 2" "$(secs m_big)" \
    "$(echo "$bigbytes / 1000000 / $(secs m_big)" | bc -l)" "$(rss m_big)" "$(echo "$largest / 1048576" | bc -l | cut -c1-5) MB" \
    "$(echo "64 + $largest / 1048576" | bc)"
  printf '%-34s %8.2f %9.1f %8s %12s %14s\n' "one $(echo "$onebytes/1000000" | bc) MB text file, -j 2" "$(secs m_one)" \
    "$(echo "$onebytes / 1000000 / $(secs m_one)" | bc -l)" "$(rss m_one)" "$(echo "$onebytes / 1048576" | bc) MB" \
    "$(echo "64 + $onebytes / 1048576" | bc)"
  [ "$oneok" = 1 ] || { echo "bench: the $ONE_MB MB file did not come out as one document"; exit 1; }
  rm -f "$D/big.jsonl" "$D/one.txt" "$D/out_big.jsonl" "$D/out_one.jsonl"
fi
if [ "$KEEP" != 1 ]; then rm -rf "$D/files" "$D/dump.jsonl" "$D"/out_*.jsonl "$D/stamp"; fi
exit 0
