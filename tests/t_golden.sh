#!/bin/sh
# t_golden.sh — the corpus against its expected records (corpus/NAME.expected.jsonl),
# matched as shared/GOLD.md and shared/tools/score.py match them; see tests/golden.py.
# One pass/fail per expected record and per extra record, a per-type P/R/F1
# table, and the seeds' scores for information when ../shared is present.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
"$INSPEX" extract -j 2 corpus/ > "$tmp/corpus.jsonl"
rc=$?
if [ $rc -ne 0 ]; then echo "FAIL inspex extract corpus/ exited $rc"; fi
set -- corpus "$tmp/corpus.jsonl"
if [ -f ../shared/gold/seeds.jsonl ] && [ -d ../shared/seeds ]; then
  "$INSPEX" extract -j 2 ../shared/seeds/ > "$tmp/seeds.jsonl" 2>/dev/null
  set -- "$@" --seeds "$tmp/seeds.jsonl" ../shared/gold/seeds.jsonl
fi
python3 tests/golden.py "$@"
st=$?
[ $rc -eq 0 ] || st=1
exit $st
