#!/bin/sh
# Compressed and JSON Lines input (src/compress.c, src/source.c):
# gzip and zstd files give the same records as the plain ones, detected by
# content (misnamed files, stdin), in folder walks and in dumps; truncated or
# corrupt compressed data is an error record and the run goes on; dump fields
# title/date/url/source/outlet reach the doc record; a malformed dump line is
# an error record naming the line and the rest of the dump goes on.
INSPEX=${INSPEX:-./inspex}
case $INSPEX in /*) ;; *) INSPEX=$(pwd)/$INSPEX ;; esac
CORPUS=$(pwd)/corpus
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "not ok $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# Records with the document's name replaced, to compare the same text read
# under different names: rename OLD NEW < jsonl
rename() { sed "s#\"$1\"#\"NAME\"#g; s#\"$1:\\([0-9]*\\)\"#\"NAME:\\1\"#g"; }

cp "$CORPUS/01_broadsheet_annual_report.txt" a.txt
cp "$CORPUS/19_cp1252_cornwall.txt" b.txt
gzip -k a.txt && zstd -q -k a.txt && gzip -k b.txt && zstd -q -k b.txt
"$INSPEX" extract a.txt | rename a.txt > plain.jsonl
check "plain text gives records" test -s plain.jsonl

for f in a.txt.gz a.txt.zst; do
  "$INSPEX" extract $f | rename $f > out.jsonl
  check "$f: same records as plain" cmp -s plain.jsonl out.jsonl
done
cp a.txt.gz gz-named.txt; cp a.txt.zst zst-named.dat
for f in gz-named.txt zst-named.dat; do
  "$INSPEX" extract $f | rename $f > out.jsonl
  check "$f: detected by content, not name" cmp -s plain.jsonl out.jsonl
done
for f in a.txt.gz a.txt.zst; do
  "$INSPEX" extract - < $f | rename - > out.jsonl
  check "$f on stdin: decompressed" cmp -s plain.jsonl out.jsonl
done
"$INSPEX" extract b.txt | rename b.txt > plainb.jsonl
"$INSPEX" extract b.txt.zst | rename b.txt.zst > outb.jsonl
check "Windows-1252 text through zstd: same records" cmp -s plainb.jsonl outb.jsonl

# Two gzip members one after the other read as one stream (cat a.gz b.gz).
cat a.txt b.txt > ab.txt
cat a.txt.gz b.txt.gz > ab.gz
"$INSPEX" extract ab.txt | rename ab.txt > p.jsonl
"$INSPEX" extract ab.gz | rename ab.gz > o.jsonl
check "concatenated gzip members: one stream" cmp -s p.jsonl o.jsonl

# Folder walk: "*.txt" takes a.txt.gz and b.txt.zst, as their names say.
mkdir plain comp
cp a.txt b.txt plain/; cp a.txt.gz b.txt.zst comp/; cp a.txt comp/ignored.dat
"$INSPEX" extract plain | sed 's#"plain/\([ab]\).txt#"D/\1#g' > p.jsonl
"$INSPEX" extract comp | sed 's#"comp/\([ab]\).txt.gz#"D/\1#g; s#"comp/\([ab]\).txt.zst#"D/\1#g' > o.jsonl
check "folder walk takes *.txt.gz and *.txt.zst" cmp -s p.jsonl o.jsonl

# Truncated and corrupt compressed files: error records, the run goes on.
head -c 700 a.txt.gz > cut.txt.gz
head -c 700 a.txt.zst > cut.txt.zst
cp a.txt.gz flip.txt.gz
printf 'XXXXXXXXXXXXXXXXXXXXXXXX' | dd of=flip.txt.gz bs=1 seek=200 conv=notrunc 2>/dev/null
"$INSPEX" extract cut.txt.gz cut.txt.zst flip.txt.gz a.txt > mix.jsonl 2> mix.err; rc=$?
check "damaged compressed input: exit status 1" test $rc = 1
check "truncated gzip: error record" grep -q '"doc":"cut.txt.gz".*"error":"truncated gzip' mix.jsonl
check "truncated zstd: error record" grep -q '"doc":"cut.txt.zst".*"error":"truncated zstd' mix.jsonl
check "corrupt gzip: error record" grep -q '"doc":"flip.txt.gz".*"error":"corrupt gzip' mix.jsonl
check "the document after them is processed" grep -q '"type":"doc","doc":"a.txt"' mix.jsonl
check "errors are reported on stderr" grep -q 'cut.txt.gz: truncated gzip' mix.err

# ---- JSON Lines dumps ------------------------------------------------------
python3 - <<'PY'
import json, glob
texts = [open(p, encoding='utf-8', errors='surrogateescape').read()
         for p in sorted(glob.glob('plain/*.txt'))]
with open('dump.jsonl', 'w', encoding='utf-8', errors='surrogateescape') as f:
    f.write(json.dumps({'id': 'art-1', 'text': texts[0], 'title': 'A headline, "quoted"',
                        'date': '2019-03-04', 'url': 'https://example.org/a', 'source': 'The Paper'}) + '\n')
    f.write('{"id": "art-2", "text": "Rotherham was rated inadequate.", \n')   # malformed
    f.write(json.dumps({'url': 'https://example.org/c', 'text': 'Leeds was rated good.',
                        'outlet': 'Outlet wins', 'source': 'not this'}) + '\n')
    f.write('[1, 2]\n')                                                           # not an object
    f.write(json.dumps({'id': 'art-5', 'body': 'no text field'}) + '\n')
    f.write(json.dumps({'id': 'art-6', 'text': 'Hull was rated good.'}) + '\n')
# A dump larger than the reader's buffers, to cross many refills.
with open('big.jsonl', 'w') as f:
    for i in range(200):
        f.write(json.dumps({'id': 'big-%d' % i, 'text': 'Story %d.\n\n' % i + texts[0]}) + '\n')
PY
"$INSPEX" extract dump.jsonl > dump.out 2> dump.err; rc=$?
check "dump with bad lines: exit status 1" test $rc = 1
check "dump title carried" grep -q '"type":"doc","doc":"art-1",.*"title":"A headline, \\"quoted\\"","date":"2019-03-04"' dump.out
check "dump url carried" grep -q '"doc":"art-1",.*"url":"https://example.org/a"' dump.out
check "dump source field becomes outlet" grep -q '"doc":"art-1",.*"outlet":"The Paper"' dump.out
check "dump outlet preferred to source" grep -q '"doc":"https://example.org/c",.*"outlet":"Outlet wins"' dump.out
check "url is the id when there is no id" grep -q '"type":"doc","doc":"https://example.org/c","source":"dump.jsonl:3"' dump.out
check "malformed line: error record naming the line" \
  grep -q '"type":"error","doc":"dump.jsonl:2","source":"dump.jsonl:2","error":"malformed JSON Lines record' dump.out
check "non-object line: error record" grep -q '"doc":"dump.jsonl:4".*"error":"JSON Lines record is not an object"' dump.out
check "missing text field: error record" grep -q '"doc":"art-5","source":"dump.jsonl:5","error":"field \\"text\\" is missing' dump.out
check "the rest of the dump goes on" grep -q '"type":"doc","doc":"art-6","source":"dump.jsonl:6"' dump.out
check "stderr names the malformed line" grep -q 'dump.jsonl:2: malformed' dump.err

gzip -k dump.jsonl; zstd -q -k dump.jsonl
rename dump.jsonl < dump.out > p.jsonl
for f in dump.jsonl.gz dump.jsonl.zst; do
  "$INSPEX" extract $f 2>/dev/null | rename $f > o.jsonl
  check "$f: a dump by its name, same records" cmp -s p.jsonl o.jsonl
done
cp dump.jsonl.zst zdump.data
"$INSPEX" extract --input jsonl zdump.data 2>/dev/null | rename zdump.data > o.jsonl
check "--input jsonl of zstd bytes under another name" cmp -s p.jsonl o.jsonl
"$INSPEX" extract --input jsonl - < dump.jsonl.gz 2>/dev/null | rename - > o.jsonl
check "gzip dump on stdin" cmp -s p.jsonl o.jsonl

"$INSPEX" extract big.jsonl | rename big.jsonl > p.jsonl
gzip -k big.jsonl; zstd -q -k big.jsonl
for f in big.jsonl.gz big.jsonl.zst; do
  "$INSPEX" extract $f | rename $f > o.jsonl
  check "$f (200 documents): same records as plain" cmp -s p.jsonl o.jsonl
done
check "big dump: 200 doc records" test "$(grep -c '"type":"doc"' p.jsonl)" = 200

# A compressed dump cut short: whole lines before the cut are processed,
# then one error record says where the dump broke.
size=$(wc -c < big.jsonl.gz)
head -c $((size / 2)) big.jsonl.gz > half.jsonl.gz
"$INSPEX" extract half.jsonl.gz > half.out 2>/dev/null; rc=$?
check "truncated gzip dump: exit status 1" test $rc = 1
n=$(grep -c '"type":"doc"' half.out)
check "truncated gzip dump: the lines before the cut ($n) are processed" test "$n" -gt 20 -a "$n" -lt 200
check "truncated gzip dump: error record names the line" \
  grep -q '"type":"error","doc":"half.jsonl.gz",.*"error":"read error in JSON Lines dump half.jsonl.gz after line [0-9]*: truncated gzip' half.out

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
