#!/bin/sh
# inspex extract --db and inspex export: the database gives back exactly
# what extract writes; incremental runs process exactly the new documents
# and say so; changed patterns, changed types and --force re-extract; text
# shaped like SQL is stored and exported verbatim; CSV export re-imports
# with sqlite3 .import --csv to the same row counts.
INSPEX=${INSPEX:-./inspex}
case $INSPEX in /*) ;; *) INSPEX=$(pwd)/$INSPEX ;; esac
ROOT=$(pwd)
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "not ok $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
sq() { db=$1; shift; sqlite3 -batch "$db" "$@"; }

# ---- the corpus: database == JSON Lines -----------------------------------
cp -r "$ROOT/corpus" corpus
"$INSPEX" extract corpus > corpus.jsonl
"$INSPEX" extract --db c.sqlite corpus 2> c.err; rc=$?
check "extract --db corpus: exit 0" test $rc = 0
n=$(grep -c '^{"type":"doc"' corpus.jsonl)
check "stderr: $n processed, 0 skipped" grep -q "c.sqlite: $n documents processed ($n new, 0 changed or re-extracted), 0 unchanged skipped" c.err
check "nothing on stdout with --db" test ! -s "$(sh -c "\"$INSPEX\" extract --db c2.sqlite corpus 2>/dev/null > out.txt; echo out.txt")"
"$INSPEX" export --jsonl c.sqlite > back.jsonl
check "a finished run leaves one file, and reading it adds none" test "$(ls c.sqlite*)" = c.sqlite
check "export --jsonl is byte-identical to extract" cmp -s back.jsonl corpus.jsonl
"$INSPEX" export --jsonl -o back2.jsonl c.sqlite
check "export --jsonl -o FILE" cmp -s back2.jsonl corpus.jsonl
check "integrity_check" test "$(sq c.sqlite 'PRAGMA integrity_check')" = ok
check "every record type in its table" test \
  "$(sq c.sqlite "SELECT (SELECT count(*) FROM records WHERE type='council') = (SELECT count(*) FROM councils)
                     AND (SELECT count(*) FROM records WHERE type='doc') = $n")" = 1
check "council mentions as rows" test \
  "$(sq c.sqlite "SELECT count(*) FROM council_mentions")" = "$(grep -o '"mentions":\[[^a-z]*\]\]' corpus.jsonl | grep -o '\],\[' | wc -l | awk -v c="$(sq c.sqlite "SELECT count(*) FROM councils")" '{print $1 + c}')"
hash=$("$INSPEX" rules --check | sed 's/.*pattern set //')
check "the run is recorded: version, pattern hash, counts, finished" test \
  "$(sq c.sqlite "SELECT version || ' ' || substr(rules_hash, 1, 16) || ' ' || docs || ' ' || skipped || ' ' || (finished IS NOT NULL) FROM runs")" \
  = "$(cat "$ROOT/VERSION") $hash $n 0 1"
"$INSPEX" extract -j 2 --db j2.sqlite corpus 2>/dev/null
"$INSPEX" export --jsonl j2.sqlite > j2.jsonl
check "-j 2 fills the same database" cmp -s j2.jsonl corpus.jsonl
"$INSPEX" extract --db c.sqlite -o x.jsonl corpus 2>/dev/null; rc=$?
check "--db with -o: usage error" test $rc = 2
"$INSPEX" extract --force corpus > /dev/null 2>&1; rc=$?
check "--force without --db: usage error" test $rc = 2
cp corpus.jsonl notadb.jsonl
"$INSPEX" extract --db notadb.jsonl corpus 2> e.err; rc=$?
check "--db on a JSON Lines file: refused (exit 3)" test $rc = 3
check "... and the file is left as it was" cmp -s notadb.jsonl corpus.jsonl

# ---- incremental runs --------------------------------------------------------
# Dumps with ids: week 1 has 120 documents; week 2 keeps them all, adds 17
# (some appended, some in the middle, which moves the old ones to other
# lines) and edits one. Documents without ids are keyed by DUMP:LINE.
ROOT=$ROOT python3 - <<'PY'
import json, glob, os
texts = [open(p, encoding='utf-8', errors='replace').read()
         for p in sorted(glob.glob(os.environ['ROOT'] + '/corpus/*.txt'))]
def doc(i, extra=''):
    return json.dumps({'id': 'art-%04d' % i, 'date': '2019-01-%02d' % (1 + i % 28),
                       'text': 'Item %d.%s\n\n' % (i, extra) + texts[i % len(texts)]}) + '\n'
week1 = [doc(i) for i in range(120)]
open('week1.jsonl', 'w').write(''.join(week1))
week2 = list(week1)
week2[5] = doc(5, ' (updated)')                     # edited: same id, other bytes
for k, i in enumerate(range(1000, 1007)):            # 7 in the middle
    week2.insert(40 + 3 * k, doc(i))
d = json.loads(week2[60]); d['title'] = 'A corrected headline'   # dump field edited
week2[60] = json.dumps(d) + '\n'
week2 += [doc(i) for i in range(2000, 2010)]          # 10 at the end
open('week2.jsonl', 'w').write(''.join(week2))
PY
"$INSPEX" extract --db w.sqlite week1.jsonl 2> w1.err
check "week 1: 120 processed" grep -q "120 documents processed (120 new, 0 changed or re-extracted), 0 unchanged skipped" w1.err
"$INSPEX" extract --db w.sqlite week1.jsonl 2> w1b.err
check "week 1 again: nothing processed, 120 skipped" grep -q "0 documents processed (0 new, 0 changed or re-extracted), 120 unchanged skipped" w1b.err
"$INSPEX" extract --db w.sqlite week2.jsonl 2> w2.err; rc=$?
check "week 2: exit 0" test $rc = 0
check "week 2: exactly the 17 new and 2 edited processed, 118 skipped" \
  grep -q "w.sqlite: 19 documents processed (17 new, 2 changed or re-extracted), 118 unchanged skipped" w2.err
"$INSPEX" extract week2.jsonl | sort > fresh.sorted
"$INSPEX" export --jsonl w.sqlite | sort > db.sorted
check "week 2 database holds what a fresh run writes (sources of moved documents updated)" cmp -s fresh.sorted db.sorted
check "runs: three, all finished" test "$(sq w.sqlite 'SELECT count(*) FROM runs WHERE finished IS NOT NULL')" = 3
check "runs: week 2 counts" test "$(sq w.sqlite 'SELECT docs || "/" || skipped FROM runs WHERE id = 3')" = "19/118"
# A dump without ids, grown at the end: keyed by DUMP:LINE.
head -n 50 week1.jsonl | sed 's/"id": "[^"]*", //' > noid.jsonl
"$INSPEX" extract --db n.sqlite noid.jsonl 2>/dev/null
head -n 120 week1.jsonl | sed 's/"id": "[^"]*", //' > noid.jsonl
"$INSPEX" extract --db n.sqlite noid.jsonl 2> n.err
check "a dump without ids grown by 70 lines: 70 processed" grep -q "70 documents processed (70 new, 0 changed or re-extracted), 50 unchanged skipped" n.err
"$INSPEX" extract noid.jsonl > noid.out
"$INSPEX" export --jsonl n.sqlite | cmp -s - noid.out
check "... and exports what a fresh run writes, in order" test $? = 0

# Changed patterns: everything is extracted again, and the run says which set.
cp -r "$ROOT/patterns" pat2
printf '\n# a comment changes the pattern set hash\n' >> pat2/common.pat
"$INSPEX" extract --patterns pat2 --db w.sqlite week2.jsonl 2> p.err
check "changed patterns: all 137 re-extracted, none skipped" \
  grep -q "137 documents processed (0 new, 137 changed or re-extracted), 0 unchanged skipped" p.err
check "runs: two pattern sets recorded" test "$(sq w.sqlite 'SELECT count(DISTINCT rules_hash) FROM runs')" = 2
check "docs: all under the new pattern set" test \
  "$(sq w.sqlite 'SELECT count(*) FROM docs WHERE rules_hash = (SELECT rules_hash FROM runs ORDER BY id DESC LIMIT 1)')" = 137
"$INSPEX" extract --patterns pat2 --db w.sqlite week2.jsonl 2> p2.err
check "same patterns again: all skipped" grep -q "0 documents processed .*, 137 unchanged skipped" p2.err
"$INSPEX" extract --patterns pat2 --db w.sqlite --types council week2.jsonl 2> t.err
check "other --types: re-extracted" grep -q "137 documents processed (0 new, 137 changed" t.err
"$INSPEX" extract --patterns pat2 --db w.sqlite --force week2.jsonl 2> f.err
check "--force: all processed" grep -q "137 documents processed (--force), 0 unchanged skipped" f.err
check "runs: --force recorded" test "$(sq w.sqlite 'SELECT forced FROM runs ORDER BY id DESC LIMIT 1')" = 1
check "integrity after replacements" test "$(sq w.sqlite 'PRAGMA integrity_check')" = ok
check "no orphans after replacements" test "$(sq w.sqlite "SELECT count(*) FROM records WHERE doc_id NOT IN (SELECT id FROM docs)")" = 0

# ---- text shaped like SQL ----------------------------------------------------
python3 - <<'PY'
import json
evil = "'); DROP TABLE docs; --"
recs = [
    {'id': "x'); DROP TABLE docs; --", 'title': evil + ' "quoted", title',
     'text': 'Rotherham council said: ' + evil + '\n\n"' + evil + '" was typed by Robert\'); DROP TABLE records;--.\n',
     'url': 'https://example.org/?q=' + evil, 'source': 'Outlet, "Ltd"'},
    {'id': 'second', 'text': 'Leeds was rated good; DELETE FROM runs WHERE 1=1; --'},
]
open('evil.jsonl', 'w').write(''.join(json.dumps(r) + '\n' for r in recs))
PY
"$INSPEX" extract evil.jsonl > evil.out
"$INSPEX" extract --db evil.sqlite evil.jsonl 2>/dev/null
"$INSPEX" export --jsonl evil.sqlite > evil.back
check "SQL-shaped text: exported verbatim" cmp -s evil.out evil.back
check "SQL-shaped text: every table still there" test \
  "$(sq evil.sqlite "SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite%'")" = 9
check "SQL-shaped text: stored verbatim in columns" test \
  "$(sq evil.sqlite "SELECT title FROM docs WHERE doc = 'x''); DROP TABLE docs; --'")" = "'); DROP TABLE docs; -- \"quoted\", title"
check "SQL-shaped text: run rows intact" test "$(sq evil.sqlite 'SELECT count(*) FROM runs')" = 1
"$INSPEX" export --csv evil.csv evil.sqlite
check "SQL-shaped text: CSV cell quoted, verbatim" \
  grep -qF "\"'); DROP TABLE docs; -- \"\"quoted\"\", title\"" evil.csv/doc.csv

# ---- CSV ---------------------------------------------------------------------
# Records of every type (hand-made: the corpus may not have them all yet),
# with commas, quotes, CR/LF, unknown fields and an unknown type.
python3 - <<'PY'
import json
out = []
for d in range(3):
    doc = 'd%d, "x"' % d
    out.append({'type': 'doc', 'doc': doc, 'source': 's', 'sha256': 'ab', 'bytes': 9, 'encoding': 'utf-8',
                'title': 'Line one\r\nline "two", end' if d == 1 else None, 'date': None, 'sentences': 1,
                'tokens': 2, 'warnings': ['a, b']})
    out.append({'type': 'council', 'doc': doc, 'name': 'Kingston upon Hull, City of', 'code': 'E06000010',
                'mentions': [[1, 5], [7, 9]], 'span': [1, 5], 'evidence': 'Hull', 'rule': 'c/x'})
    for k in range(d + 1):
        out.append({'type': 'rating', 'doc': doc, 'grade': 'good', 'count': k, 'share': 0.25, 'total': None,
                    'unit': 'authorities', 'approx': None, 'period': '2013/14', 'number_text': 'seven',
                    'span': [k, k + 1], 'evidence': 'said "seven",\nthen', 'rule': 'r/x', 'new_field': [1, 'x']})
    out.append({'type': 'council_rating', 'doc': doc, 'council': 'Hull', 'code': None, 'grade': 'good',
                'judgement': 'overall', 'span': [3, 4], 'evidence': 'e', 'rule': 'cr/x'})
    out.append({'type': 'quote', 'doc': doc, 'text': '"We are sorry," she said', 'speaker': 'Jo, Bloggs',
                'speaker_title': None, 'speaker_role': None, 'speaker_org': None, 'span': [5, 9],
                'evidence': 'q', 'speaker_span': None, 'attribution': 'none', 'rule': 'q/x'})
    out.append({'type': 'gadget', 'doc': doc, 'n': d})
out.append({'type': 'error', 'doc': 'bad.jsonl:3', 'source': 'bad.jsonl:3', 'error': 'malformed, "very"'})
open('all.jsonl', 'w').write(''.join(json.dumps(r, separators=(',', ':')) + '\n' for r in out))
PY
"$INSPEX" export --csv csv1 all.jsonl; rc=$?
check "export --csv from JSON Lines: exit 0" test $rc = 0
check "CSV: one file per record type" test "$(ls csv1 | tr '\n' ' ')" = \
  "council.csv council_rating.csv doc.csv error.csv gadget.csv quote.csv rating.csv "
check "CSV: CRLF line ends (RFC 4180)" sh -c "head -n 1 csv1/rating.csv | od -c | grep -q '\\\\r  \\\\n'"
check "CSV: header" test "$(head -n 1 csv1/rating.csv | tr -d '\r')" = \
  "doc,grade,count,share,total,unit,approx,period,number_text,span_start,span_end,evidence,rule,extra"
for t in doc error council rating council_rating quote gadget; do
  want=$(grep -c "^{\"type\":\"$t\"" all.jsonl)
  rm -f imp.sqlite
  sqlite3 -batch imp.sqlite ".import --csv csv1/$t.csv t" 2> imp.err
  got=$(sqlite3 -batch imp.sqlite "SELECT count(*) FROM t" 2>/dev/null)
  check "CSV: $t.csv re-imports with sqlite3 .import --csv to $want rows ($got)" test "$got" = "$want" -a ! -s imp.err
done
check "CSV: a cell with CR LF, quotes and commas comes back whole" test \
  "$(sqlite3 -batch imp2.sqlite ".import --csv csv1/doc.csv t" "SELECT hex(title) FROM t WHERE doc = 'd1, \"x\"'")" = \
  "$(printf 'Line one\r\nline "two", end' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)"
check "CSV: fields without a column in extra (JSON)" test \
  "$(sqlite3 -batch imp3.sqlite ".import --csv csv1/rating.csv t" "SELECT DISTINCT extra FROM t")" = '{"new_field":[1,"x"]}'
"$INSPEX" extract --db all.sqlite corpus 2>/dev/null
# The same records from a database and from their JSON Lines give the same CSV.
"$INSPEX" export --csv csvdb c.sqlite
"$INSPEX" export --csv csvjl corpus.jsonl
check "CSV from the database == CSV from JSON Lines" diff -r csvdb csvjl
for t in doc council rating council_rating quote error; do
  want=$(sq c.sqlite "SELECT count(*) FROM records WHERE type = '$t'")
  rm -f imp.sqlite
  sqlite3 -batch imp.sqlite ".import --csv csvdb/$t.csv t" 2>/dev/null
  got=$(sqlite3 -batch imp.sqlite "SELECT count(*) FROM t" 2>/dev/null)
  [ -z "$got" ] && got=0    # header-only file: no table in old sqlite3 versions
  check "corpus CSV: $t.csv re-imports to the database's $want rows" test "$got" = "$want"
done
gzip -k corpus.jsonl
"$INSPEX" export --csv csvgz corpus.jsonl.gz
check "export reads compressed JSON Lines" diff -r csvgz csvjl
printf '{"type":"doc","doc":"a"}\nnot json\n' > broken.jsonl
"$INSPEX" export --jsonl broken.jsonl > b.out 2> b.err; rc=$?
check "export: a line that is not a record is reported (exit 1), the rest written" \
  test $rc = 1 -a "$(cat b.out)" = '{"type":"doc","doc":"a"}'
check "export: names the line" grep -q 'broken.jsonl:2: not a record' b.err
"$INSPEX" export --jsonl missing.sqlite > /dev/null 2>&1; rc=$?
check "export: missing input: exit 1" test $rc = 1
"$INSPEX" export corpus.jsonl > /dev/null 2>&1; rc=$?
check "export: no format: usage error" test $rc = 2

# ---- README ------------------------------------------------------------------
# Every example query of README.md runs on a database the current code makes.
awk '/^```sql/ {n++; f = "q" n ".sql"; next} /^```/ {f = ""} f {print > f}' "$ROOT/README.md"
nq=0
for q in q*.sql; do
  [ -f "$q" ] || continue
  nq=$((nq + 1))
  sqlite3 -batch c.sqlite < "$q" > /dev/null 2> q.err
  check "README query $nq runs: $(head -n 1 "$q")" test $? = 0 -a ! -s q.err
done
check "README has example queries ($nq)" test "$nq" -ge 3

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
