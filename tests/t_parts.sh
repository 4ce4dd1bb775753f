#!/bin/sh
# t_parts.sh — a document larger than the part size (4 MiB; INSPEX_PART_BYTES
# here, so that small files do) is extracted a part at a time, split at blank
# lines, so that memory stays the document plus one part's working set.
# Checked: spans and evidence still point into the whole document (UTF-8 and
# Windows-1252), one doc record whose sentence and token counts equal the
# whole-document run's, one council record per authority holding every part's
# mentions, a warning saying it was split, a part that is not text skipped
# with a warning naming its bytes while the other parts' records stay, and
# documents smaller than a part unchanged.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
no() { fail=$((fail + 1)); echo "FAIL $1"; }
check() { if eval "$2"; then ok "$1"; else no "$1"; fi; }
# evidence against the bytes: our checker, and the shared one when present
spans() {
  python3 tests/check_spans.py "$1" > "$1.spans" 2>&1 || return 1
  [ ! -f ../shared/tools/check-spans.py ] || python3 ../shared/tools/check-spans.py "$1" >> "$1.spans" 2>&1
}

# A long article: corpus articles with blank lines between paragraphs, one
# after another (the hard-wrapped ones, 03, 11, 16, 27, 28 and 157, are left out:
# whether a text is hard-wrapped is judged on the part, and a part of
# mostly wrapped lines reads its line breaks otherwise than the whole does).
for f in corpus/0*.txt corpus/1[0-5]*.txt; do
  case $f in corpus/03_*|corpus/11_*|corpus/157_*) continue ;; esac
  cat "$f"; printf '\n\n'
done > "$T/long.txt"
size=$(wc -c < "$T/long.txt")
$INSPEX extract "$T/long.txt" > "$T/whole.jsonl"
INSPEX_PART_BYTES=3000 $INSPEX extract "$T/long.txt" > "$T/parts.jsonl"; rc=$?
check "split run exits 0" '[ $rc = 0 ]'
check "spans point into the whole document" 'spans "$T/parts.jsonl"'
python3 - "$T/whole.jsonl" "$T/parts.jsonl" "$size" > "$T/cmp.txt" <<'PY'
import json, sys
def load(p):
    return [json.loads(l) for l in open(p, encoding='utf-8')]
w, p, size = load(sys.argv[1]), load(sys.argv[2]), int(sys.argv[3])
dw = [r for r in w if r['type'] == 'doc']; dp = [r for r in p if r['type'] == 'doc']
print('one-doc', len(dp) == 1 and p[0]['type'] == 'doc')
print('counts', dp[0]['sentences'] == dw[0]['sentences'] and dp[0]['tokens'] == dw[0]['tokens'])
print('sha', dp[0]['sha256'] == dw[0]['sha256'] and dp[0]['bytes'] == size and dp[0]['title'] == dw[0]['title'])
print('warned', any('extracted in' in x and 'parts' in x for x in dp[0]['warnings']))
cp = [r for r in p if r['type'] == 'council']
codes = [r['code'] for r in cp]
print('one-council-each', len(codes) == len(set(codes)) and len(codes) > 5)
ok = True
for r in cp:
    m = r['mentions']
    ok &= m == sorted(m) and len(m) > 0
    ok &= r['span'] == m[0]
print('council-first-mention', ok)
cw = {r['code']: r for r in w if r['type'] == 'council'}
late = [r for r in cp if r['mentions'][-1][0] > 3000]
print('mentions-from-later-parts', len(late) > 0)
qw = {tuple(r['span']) for r in w if r['type'] == 'quote'}
qp = {tuple(r['span']) for r in p if r['type'] == 'quote'}
print('most-quotes-kept', len(qp & qw) >= 0.8 * len(qw))
rw = {tuple(r['span']) for r in w if r['type'] == 'rating'}
rp = {tuple(r['span']) for r in p if r['type'] == 'rating'}
print('most-ratings-kept', len(rp & rw) >= 0.8 * len(rw))
PY
for k in one-doc counts sha warned one-council-each council-first-mention mentions-from-later-parts \
         most-quotes-kept most-ratings-kept; do
  check "parts: $k" 'grep -q "^$k True$" "$T/cmp.txt"'
done

# Sorted output, deterministic: the same bytes on a second run and with -j 2.
INSPEX_PART_BYTES=3000 $INSPEX extract -j 2 "$T/long.txt" > "$T/parts2.jsonl"
check "split run is deterministic (-j 2)" 'cmp -s "$T/parts.jsonl" "$T/parts2.jsonl"'

# Below the part size nothing changes.
INSPEX_PART_BYTES=$((size + 1)) $INSPEX extract "$T/long.txt" > "$T/one.jsonl"
check "a document within one part is unchanged" 'cmp -s "$T/whole.jsonl" "$T/one.jsonl"'

# Windows-1252: the first part decides the encoding, every part uses it.
python3 - "$T/long.txt" "$T/cp.txt" <<'PY'
import sys
t = open(sys.argv[1], encoding='utf-8').read()
open(sys.argv[2], 'wb').write(t.encode('cp1252', errors='replace'))
PY
INSPEX_PART_BYTES=3000 $INSPEX extract "$T/cp.txt" > "$T/cp.jsonl"
check "windows-1252 parts: one encoding" 'head -n 1 "$T/cp.jsonl" | grep -q "\"encoding\":\"windows-1252\""'
check "windows-1252 parts: spans check" 'spans "$T/cp.jsonl"'

# A part of binary junk in the middle: skipped with a warning, the rest kept.
python3 - "$T/long.txt" "$T/junk.txt" <<'PY'
import sys
t = open(sys.argv[1], 'rb').read()
half = t.index(b'\n\n', len(t) // 2) + 2
open(sys.argv[2], 'wb').write(t[:half] + bytes(range(1, 9)) * 800 + b'\n\n' + t[half:])
PY
INSPEX_PART_BYTES=3000 $INSPEX extract "$T/junk.txt" > "$T/junk.jsonl"; rc=$?
check "junk part: run goes on" '[ $rc -le 1 ] && [ $(grep -c "\"type\":\"doc\"" "$T/junk.jsonl") = 1 ]'
check "junk part: a warning names its bytes" 'head -n 1 "$T/junk.jsonl" | grep -q "not extracted: binary data"'
check "junk part: the other parts' quotes stay" '[ $(grep -c "\"type\":\"quote\"" "$T/junk.jsonl") -ge $(($(grep -c "\"type\":\"quote\"" "$T/parts.jsonl") * 8 / 10)) ]'
check "junk part: spans check" 'spans "$T/junk.jsonl"'

# A council named 12,000 times: its record lists the first 10,000 mentions
# and the doc record says so, in one part and across parts alike.
python3 -c "
import sys
paras = ''.join('Ofsted rated Rotherham Council inadequate in inspection %d. ' % i +
                'Rotherham Council said so. ' * 99 + '\n\n' for i in range(120))   # distinct: no repeats
open(sys.argv[1], 'w').write('Many mentions\n\n' + paras)" "$T/many.txt"
for part in 0 50000; do
  if [ $part = 0 ]; then $INSPEX extract "$T/many.txt" > "$T/many.jsonl"
  else INSPEX_PART_BYTES=$part $INSPEX extract "$T/many.txt" > "$T/many.jsonl"; fi
  python3 - "$T/many.jsonl" > "$T/many.txt.out" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
c = [r for r in recs if r['type'] == 'council']
w = recs[0]['warnings']
ok = len(c) == 1 and len(c[0]['mentions']) == 10000 and c[0]['mentions'] == sorted(c[0]['mentions'])
ok = ok and c[0]['span'] == c[0]['mentions'][0]
ok = ok and sum('more than 10000 mentions; only the first 10000 are listed' in x for x in w) == 1
print('cap', ok)
PY
  check "12,000 mentions, part size $part: 10,000 listed, one warning" 'grep -q "^cap True$" "$T/many.txt.out"'
  check "12,000 mentions, part size $part: spans check" 'spans "$T/many.jsonl"'
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
