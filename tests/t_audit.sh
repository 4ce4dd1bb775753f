#!/bin/sh
# t_audit.sh — `inspex audit`: clean records pass; each kind of tampering is
# caught with a clear reason; the outputs (summary, --json, --html) hold.
#
# Fixture articles are written here into a temporary folder. Provenance
# tampering starts from real `inspex extract` output; the checks between
# figures also use hand-written records (tests/audit/mkrecords.py computes
# their spans and hashes from the text) so they do not depend on how much
# the extractors find. Python runs are batched: it starts slowly on a busy
# machine.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
case $INSPEX in /*) ;; *) INSPEX=$(pwd)/$INSPEX ;; esac
MK="python3 $(pwd)/tests/audit/mkrecords.py"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
no() { fail=$((fail + 1)); echo "not ok $1"; [ -n "$2" ] && printf '%s\n' "$2" | sed 's/^/    /' | head -20; }
# check NAME WANT_RC PATTERN CMD...: runs CMD, wants its exit status and a
# line of its output matching PATTERN (grep -E; empty: no pattern).
check() {
  name=$1; want=$2; pat=$3; shift 3
  out=$("$@" 2>&1); rc=$?
  if [ "$rc" != "$want" ]; then no "$name (exit $rc, wanted $want)" "$out"; return; fi
  if [ -n "$pat" ] && ! printf '%s\n' "$out" | grep -Eq -- "$pat"; then no "$name (no line matching: $pat)" "$out"; return; fi
  ok "$name"
}
cd "$T" || exit 2

# ---- usage ------------------------------------------------------------------
check "no records file is a usage error" 2 "no records file" "$INSPEX" audit
check "missing records file" 2 "cannot open" "$INSPEX" audit nowhere.jsonl
check "unknown option" 2 "unknown option" "$INSPEX" audit --frobnicate x.jsonl
check "--help" 0 "Exit status" "$INSPEX" audit --help

# ---- a clean article ----------------------------------------------------------
cat > clean.txt <<'EOF'
Seven councils judged inadequate in latest Ofsted round

Ofsted has published its latest figures on children's services.

Of the 43 councils inspected in 2013/14, seven were judged inadequate, 26 require improvement and ten were good.

Rotherham was rated inadequate. Leeds was rated good.
EOF
"$INSPEX" extract clean.txt > clean.jsonl
check "clean article: audit passes" 0 "^audit passed" "$INSPEX" audit clean.jsonl
check "clean article: counts partition the total" 0 "arithmetic.partition +[1-9]" "$INSPEX" audit clean.jsonl
if grep -q '"rating"' clean.jsonl; then ok "clean article has rating records to tamper with"; else no "clean article has rating records to tamper with" "$(cat clean.jsonl)"; fi

# ---- a page saved with HTML character references: figures read through them ----
cat > saved.txt <<'EOF'
Barking &amp; Dagenham rated good

The council is now among 71&nbsp;of the 153 councils rated good, and fewer than one in ten authorities are rated inadequate (12 of 153).
EOF
"$INSPEX" extract saved.txt > saved.jsonl
if grep -q '"number_text":"71&nbsp;of the 153"' saved.jsonl && grep -q '"count":12,"share":0.1' saved.jsonl; then
  ok "saved page: figures read through a reference and a bracket"
else no "saved page: figures read through a reference and a bracket" "$(cat saved.jsonl)"; fi
check "saved page: audit passes" 0 "^audit passed" "$INSPEX" audit saved.jsonl

# ---- tampering: a source byte changed after extraction ---------------------------
cp clean.txt changed.txt
"$INSPEX" extract changed.txt > changed.jsonl
sed -i 's/seven were/Seven were/' changed.txt
check "source byte changed: caught" 1 "source changed since extraction" "$INSPEX" audit changed.jsonl
check "source byte changed: the record over it fails its evidence" 1 'evidence "seven were judged inadequate" is not the source text' \
  "$INSPEX" audit changed.jsonl

# ---- tampering with records: one Python run writes every tampered copy --------------
python3 - <<'EOF'
import json
def load():
    return [json.loads(l) for l in open("clean.jsonl", encoding="utf-8") if l.strip()]
def save(name, recs):
    with open(name, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
def first(recs, **want):
    return next(r for r in recs if all(r.get(k) == v for k, v in want.items()))
recs = load(); first(recs, type="rating", count=7)["count"] = 8; save("number.jsonl", recs)
recs = load(); r = first(recs, type="rating", count=7); r["count"] = 8; r["number_text"] = "eight"; save("number2.jsonl", recs)
recs = load(); r = first(recs, type="rating"); r["span"] = [r["span"][0] + 1, r["span"][1] + 1]; save("shifted.jsonl", recs)
recs = load(); recs[-1]["span"] = [5000, 5010]; save("outside.jsonl", recs)
recs = load(); first(recs, type="rating", grade="inadequate")["grade"] = "good"; save("grade.jsonl", recs)
EOF

# a number changed in a record
check "number changed in a record: caught" 1 'provenance.number: count is 8 but number_text "seven" reads 7' \
  "$INSPEX" audit number.jsonl
check "number and number_text changed: caught" 1 'number_text "eight" does not occur in the evidence' \
  "$INSPEX" audit number2.jsonl

# a span shifted by one
check "span shifted by one: caught and named" 1 "span shifted by -1" "$INSPEX" audit shifted.jsonl
check "span past the end of the document" 1 "ends past the end of the document" "$INSPEX" audit outside.jsonl

# the grade
check "grade changed: the evidence's grade words disagree" 1 'grade is "good" but the evidence says "inadequate"' \
  "$INSPEX" audit grade.jsonl

# ---- fixtures for the checks between figures: hand-written records ------------------
# (one Python run computes every span and hash: Python starts slowly on a busy machine)
cat > sum.txt <<'EOF'
Ofsted figures for 2013/14

Of the 43 councils inspected in 2013/14, seven were judged inadequate, 20 require improvement and ten were good.
EOF
cat > sum.spec <<'EOF'
{"type":"rating","grade":"inadequate","count":7,"share":null,"total":43,"unit":"councils","approx":null,"period":"2013/14","number_text":"seven","find":"seven were judged inadequate"}
{"type":"rating","grade":"requires_improvement","count":30,"share":null,"total":43,"unit":"councils","approx":null,"period":"2013/14","number_text":"26","find":"26 require improvement"}
{"type":"rating","grade":"good","count":10,"share":null,"total":43,"unit":"councils","approx":null,"period":"2013/14","number_text":"ten","find":"ten were good"}
EOF
echo 'clean.txt sum.spec over.jsonl' >> mk.jobs
cat > compound.txt <<'EOF'
Of the 50 authorities, 30 were good or outstanding. Five were outstanding and 20 were good.
EOF
cat > compound.spec <<'EOF'
{"type":"rating","grade":"good_or_better","count":30,"total":50,"unit":"authorities","number_text":"30","find":"30 were good or outstanding"}
{"type":"rating","grade":"outstanding","count":5,"total":50,"unit":"authorities","number_text":"Five","find":"Five were outstanding"}
{"type":"rating","grade":"good","count":20,"total":50,"unit":"authorities","number_text":"20","find":"20 were good"}
EOF
echo 'compound.txt compound.spec compound.jsonl' >> mk.jobs
cat > share.txt <<'EOF'
A quarter of the 87 councils inspected were judged inadequate. In all, 30 of the 87 were inadequate.
EOF
cat > share.spec <<'EOF'
{"type":"rating","grade":"inadequate","count":null,"share":0.25,"total":87,"unit":"councils","number_text":"A quarter","find":"A quarter of the 87 councils inspected were judged inadequate"}
{"type":"rating","grade":"inadequate","count":30,"share":null,"total":87,"unit":"councils","number_text":"30 of the 87","find":"30 of the 87 were inadequate"}
EOF
echo 'share.txt share.spec share.jsonl' >> mk.jobs
sed 's/30 of the 87/22 of the 87/' share.txt > share22.txt
sed 's/"count":30/"count":22/; s/30 of the 87/22 of the 87/g' share.spec > share22.spec
echo 'share22.txt share22.spec share22.jsonl' >> mk.jobs
cat > lessgood.txt <<'EOF'
Of the 40 councils, three-quarters were less than good: 12 were inadequate and 10 required improvement.
EOF
cat > lessgood.spec <<'EOF'
{"type":"rating","grade":"less_than_good","share":0.75,"total":40,"unit":"councils","number_text":"three-quarters","find":"three-quarters were less than good"}
{"type":"rating","grade":"inadequate","count":12,"total":40,"unit":"councils","number_text":"12","find":"12 were inadequate"}
{"type":"rating","grade":"requires_improvement","count":10,"total":40,"unit":"councils","number_text":"10","find":"10 required improvement"}
EOF
echo 'lessgood.txt lessgood.spec lessgood.jsonl' >> mk.jobs
cat > pct.txt <<'EOF'
Of 103 authorities, 45 (44 per cent) required improvement.
EOF
cat > pct.spec <<'EOF'
{"type":"rating","grade":"requires_improvement","count":45,"share":0.54,"total":103,"unit":"authorities","number_text":"45","find":"45 (44 per cent) required improvement"}
EOF
echo 'pct.txt pct.spec pct.jsonl' >> mk.jobs
cat > head.txt <<'EOF'
Half of councils failing children, says Ofsted

A quarter of the 80 councils inspected were judged inadequate.
EOF
cat > head.spec <<'EOF'
{"type":"rating","grade":"inadequate","share":0.5,"unit":"councils","number_text":"Half","find":"Half of councils failing"}
{"type":"rating","grade":"inadequate","share":0.25,"total":80,"unit":"councils","number_text":"A quarter","find":"A quarter of the 80 councils inspected were judged inadequate"}
EOF
echo 'head.txt head.spec head.jsonl --title' >> mk.jobs
{ echo "By Jo Bloggs, 1 May 2015"; cat head.txt; } > head2.txt
echo 'head2.txt head.spec head2.jsonl "--title=Half of councils failing children, says Ofsted"' >> mk.jobs
sed 's/Half of councils/A quarter of councils/' head.txt > head3.txt
sed 's/"share":0.5,/"share":0.25,/; s/"Half"/"A quarter"/; s/Half of councils failing/A quarter of councils failing/' head.spec > head3.spec
echo 'head3.txt head3.spec head3.jsonl --title' >> mk.jobs
cat > repeat.txt <<'EOF2'
In 2016, 36 per cent of councils were good or outstanding. Later in the report: in 2016, half of councils were good or outstanding.
EOF2
cat > repeat.spec <<'EOF2'
{"type":"rating","grade":"good_or_better","share":0.36,"unit":"councils","period":"2016","number_text":"36 per cent","find":"36 per cent of councils were good or outstanding"}
{"type":"rating","grade":"good_or_better","share":0.5,"unit":"councils","period":"2016","number_text":"half","find":"half of councils were good or outstanding"}
EOF2
echo 'repeat.txt repeat.spec repeat.jsonl' >> mk.jobs
for n in 1 2 3; do
  printf 'Figures for 2013/14, report %s\n\nIn 2013/14, seven of the 43 councils inspected were inadequate.\n' $n > maj$n.txt
  printf '{"type":"rating","grade":"inadequate","count":7,"total":43,"unit":"councils","period":"2013/14","number_text":"seven","find":"seven of the 43 councils inspected were inadequate"}\n' > maj.spec
  echo "maj$n.txt maj.spec maj$n.jsonl" >> mk.jobs
done
printf 'Figures for 2013/14\n\nIn 2013/14, a third of the councils were inadequate.\n' > maj4.txt
printf '{"type":"rating","grade":"inadequate","share":0.333,"unit":"councils","period":"2013-14","number_text":"a third","find":"a third of the councils were inadequate"}\n' > maj4.spec
echo 'maj4.txt maj4.spec maj4.jsonl' >> mk.jobs
cat > plaus.txt <<'EOF'
"We are working hard to improve," said a council spokesman. "It is not good enough," he said.
"Nobody spoke here at all today." Narnia was rated inadequate. Seven councils were inadequate.
EOF
cat > plaus.spec <<'EOF'
{"type":"quote","text":"We are working hard to improve,","speaker":"a council spokesman","attribution":"same_sentence","find":"\"We are working hard to improve,\""}
{"type":"quote","text":"It is not good enough,","speaker":"he","attribution":"pronoun","find":"\"It is not good enough,\""}
{"type":"quote","text":"Nobody spoke here at all today.","speaker":null,"attribution":"none","find":"\"Nobody spoke here at all today.\""}
{"type":"council","name":"Narnia","code":"E99999999","mentions":[[0,0]],"find":"Narnia"}
{"type":"rating","grade":"inadequate","count":7,"unit":"councils","number_text":"Seven","find":"Seven councils were inadequate"}
{"type":"rating","grade":"inadequate","count":7,"unit":"councils","number_text":"Seven","find":"Seven councils"}
EOF
echo 'plaus.txt plaus.spec plaus.jsonl' >> mk.jobs
$MK --batch mk.jobs || no "mkrecords.py fixtures"

# ---- an article whose counts do not add up to its total -------------------------------
"$INSPEX" extract sum.txt > sum.jsonl
check "counts that do not add up (extracted): caught" 1 \
  "counts add up to 37 \(good 10 \+ requires_improvement 20 \+ inadequate 7\), not the stated total of 43" \
  "$INSPEX" audit sum.jsonl
check "counts above the total: caught" 1 "counts add up to 47 .*more than the stated total of 43" "$INSPEX" audit over.jsonl

check "compound grade against its parts" 1 "good_or_better is 30 but outstanding and good add up to 25" "$INSPEX" audit compound.jsonl

# ---- a share against a count and total ---------------------------------------------------
check "a quarter of 87 is not 30" 1 "25% of 87 is 21.75, so a count of 21 or 22; the count of inadequate is 30" "$INSPEX" audit share.jsonl
check "a quarter of 87 fits 22" 0 "arithmetic.share +2 " "$INSPEX" audit share22.jsonl
check "three-quarters less than good against the counts" 1 "75% of 40 is 30.00.*the count of less_than_good is 22" "$INSPEX" audit lessgood.jsonl
check "a share in the same record as its count" 1 "share 54% of 103 is 55.62, which does not fit the count 45" "$INSPEX" audit pct.jsonl

# ---- the headline against the body --------------------------------------------------------
check "headline disagrees with the body" 1 "the headline gives inadequate 50% but the body gives 25%" "$INSPEX" audit head.jsonl
check "headline after a byline" 1 "the headline gives inadequate 50%" "$INSPEX" audit head2.jsonl
check "headline that agrees with the body" 0 "arithmetic.headline +1 " "$INSPEX" audit head3.jsonl

# ---- one document giving one period's figure twice, differently ---------------------------
check "one period's figure twice, differently (a warning)" 0 "the document gives good_or_better authorities in 2016 twice, differently: 36% .* and 50%" \
  "$INSPEX" audit repeat.jsonl

# ---- two articles on one period with different figures --------------------------------------
mkdir -p two
cp clean.txt two/a.txt
sed 's/seven were judged inadequate, 26 require/nine were judged inadequate, 24 require/' clean.txt > two/b.txt
"$INSPEX" extract two > two.jsonl
check "two articles disagree on 2013/14: both flagged" 1 \
  "documents disagree on inadequate authorities in 2013/14 with no majority: this one says 7 of 43; two/b.txt says 9 of 43" \
  "$INSPEX" audit two.jsonl
check "two articles disagree: the other side too" 1 "this one says 9 of 43; two/a.txt says 7 of 43" "$INSPEX" audit two.jsonl
# A file given twice (same bytes) is one document for the agreement check.
mkdir -p dup && cp two/b.txt dup/b1.txt && cp two/b.txt dup/b2.txt && cp two/a.txt dup/a.txt
"$INSPEX" extract dup > dup.jsonl
check "identical documents count once" 1 "with no majority" "$INSPEX" audit dup.jsonl

cat maj1.jsonl maj2.jsonl maj3.jsonl maj4.jsonl > maj.jsonl
check "a document against the majority" 1 "maj4.txt rating.*" "$INSPEX" audit maj.jsonl
check "the majority's reason" 1 "disagrees with the majority \(3 of 4 documents\) on inadequate authorities in 2013/14: this one says 33.3%" \
  "$INSPEX" audit maj.jsonl
out=$("$INSPEX" audit maj.jsonl)
if printf '%s\n' "$out" | grep -q "^FAIL .*maj[123].txt"; then no "the majority documents pass" "$out"; else ok "the majority documents pass"; fi
"$INSPEX" audit --json maj.jsonl > maj.verdicts
if grep -q '"related":\[{"line":2,"doc":"maj1.txt","span":\[' maj.verdicts; then ok "disagreement names the other span"; else no "disagreement names the other span" "$(grep maj4 maj.verdicts)"; fi

# ---- plausibility -----------------------------------------------------------------------------
check "council outside the gazetteer" 1 '"Narnia" is not an authority in the gazetteer' "$INSPEX" audit plaus.jsonl
check "quote without a speaker" 1 "the quote has no speaker" "$INSPEX" audit -v plaus.jsonl
check "speaker that is a pronoun" 1 'speaker "he" is a pronoun' "$INSPEX" audit -v plaus.jsonl
check "overlapping spans of one type" 1 "overlaps the rating at \[" "$INSPEX" audit -v plaus.jsonl
grep -v Narnia plaus.jsonl > plaus2.jsonl
check "warnings alone pass" 0 "^audit passed: .* 0 failed, [1-9][0-9]* with warnings" "$INSPEX" audit plaus2.jsonl
check "--strict: warnings fail" 1 "^audit FAILED" "$INSPEX" audit --strict plaus2.jsonl

# ---- sources: a JSON Lines dump, a missing file, Windows-1252, malformed lines ----------------
python3 - > dump.jsonl <<'EOF'
import json
t = open("clean.txt", encoding="utf-8").read()
print(json.dumps({"id": "first", "text": t}))
print(json.dumps({"id": "second", "text": t.replace("Leeds", "Bury")}))
EOF
"$INSPEX" extract dump.jsonl > dump.out.jsonl
check "dump sources (DUMPPATH:LINE) re-read" 0 "^audit passed" "$INSPEX" audit dump.out.jsonl
sed -i 's/Bury/York/' dump.jsonl
check "dump line changed: caught" 1 "dump.jsonl:2.*|source changed since extraction" "$INSPEX" audit dump.out.jsonl
cp clean.txt gone.txt
"$INSPEX" extract gone.txt > gone.jsonl
rm gone.txt
check "missing source: caught" 1 "source cannot be read: cannot open gone.txt" "$INSPEX" audit gone.jsonl
mkdir -p elsewhere && cp clean.jsonl elsewhere/ && cp clean.txt elsewhere/
check "--base resolves relative sources" 0 "^audit passed" "$INSPEX" audit --base elsewhere elsewhere/clean.jsonl
printf 'Cornwall\222s children\222s services were rated \223outstanding\224 \226 the top grade.\n' > cp.txt
"$INSPEX" extract cp.txt > cp.jsonl
check "Windows-1252 source" 0 "^audit passed" "$INSPEX" audit cp.jsonl
if grep -q '"encoding":"windows-1252"' cp.jsonl; then ok "Windows-1252 fixture is read as such"; else no "Windows-1252 fixture is read as such"; fi
(cat clean.jsonl; echo '{"type":"rating",'; echo '[1,2]') > bad.jsonl
check "malformed lines fail the format check" 1 "line [0-9]+ is not JSON" "$INSPEX" audit bad.jsonl
printf '{"type":"rating","doc":"nowhere.txt","grade":"good","count":1,"number_text":"one","span":[0,3],"evidence":"one"}\n' > orphan.jsonl
check "a record without its doc record" 1 'no doc record for document "nowhere.txt"' "$INSPEX" audit orphan.jsonl

# ---- outputs ----------------------------------------------------------------------------------
"$INSPEX" audit --json number.jsonl > v.jsonl; rc=$?
if [ $rc = 1 ] && [ "$(wc -l < v.jsonl)" = "$(grep -c . number.jsonl)" ]; then ok "--json: one verdict per record, exit 1"; else no "--json: one verdict per record, exit 1" "rc=$rc $(wc -l < v.jsonl)"; fi
if python3 -c '
import json,sys
vs=[json.loads(l) for l in open("v.jsonl")]
bad=[v for v in vs if v["verdict"]=="fail"]
assert bad and all(v["record_type"]=="rating" and v["span"] for v in bad)
assert any(c["check"]=="provenance.number" and "reads 7" in c["reason"] for v in bad for c in v["checks"])
assert all(v["type"]=="verdict" and "line" in v for v in vs)
'; then ok "--json: verdict fields"; else no "--json: verdict fields"; fi

cat > xss.txt <<'EOF'
Ofsted <script>alert("x")</script> round-up & more

Of the 43 councils inspected in 2013/14, seven were judged inadequate, 26 require improvement and ten were good.

Rotherham was rated inadequate.
EOF
"$INSPEX" extract xss.txt > xss.jsonl
check "--html writes the report" 0 "^audit passed" "$INSPEX" audit --html xss.html xss.jsonl
if grep -q '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' xss.html && ! grep -q '<script>alert' xss.html; then
  ok "html: article text is escaped"; else no "html: article text is escaped"; fi
if [ "$(grep -c '<script' xss.html)" = 1 ]; then ok "html: only the report's own script"; else no "html: only the report's own script"; fi
if grep -Eq '(src|href)="(https?:)?//|@import|url\(' xss.html; then no "html: no external assets"; else ok "html: no external assets"; fi
if grep -q '<mark class="hl t-rating" data-r="[0-9]*" title="rating (line [0-9]*, pass): inadequate: 7 of 43 councils (2013/14)">seven were judged inadequate</mark>' xss.html; then
  ok "html: a rating span is highlighted with its fields"; else no "html: a rating span is highlighted with its fields" "$(grep -o '<mark[^>]*>[^<]*</mark>' xss.html | head -5)"; fi
if grep -q '<mark class="hl t-council[ "][^>]*>Rotherham</mark>' xss.html; then ok "html: a council span is highlighted"; else no "html: a council span is highlighted"; fi
"$INSPEX" audit --html two.html two.jsonl > /dev/null
if grep -q 'id="agreement"' two.html && grep -q '(disagrees)' two.html && grep -q 'href="#r[0-9]*"' two.html; then
  ok "html: agreement table with links"; else no "html: agreement table with links"; fi
if grep -q '<details class="doc" id="d0" open>' two.html; then ok "html: failing documents open"; else no "html: failing documents open"; fi
if grep -q '<section id="councils">' two.html && grep -q '<td>Rotherham</td>' two.html; then ok "html: per-council table"; else no "html: per-council table"; fi
check "--html to an unwritable place" 3 "cannot write" "$INSPEX" audit --html /nonexistent/dir/x.html clean.jsonl

# ---- 1,000 documents ----------------------------------------------------------------------------
mkdir -p many
python3 - <<'EOF2'
for i in range(1000):
    with open("many/%04d.txt" % i, "w") as f:
        f.write("Round-up number %d\n\nOf the 43 councils inspected in 2013/14, seven were judged inadequate, "
                "26 require improvement and ten were good.\n\nRotherham was rated inadequate.\n" % i)
EOF2
"$INSPEX" extract many > many.jsonl
# How long this takes is `make bench`'s business; that it grows linearly
# with the documents is tests/robust/audit_linear.py's (make test-big).
check "1,000 documents: audit passes" 0 "^audit passed" "$INSPEX" audit --html many.html many.jsonl
if [ "$(grep -c '<details class="doc" id="d[0-9]*">' many.html)" = 1000 ]; then ok "1,000 documents: one closed section each"; else no "1,000 documents: one closed section each"; fi
if grep -q '<td>2013/14</td><td>authorities</td><td>inadequate</td><td>43</td>' many.html; then ok "1,000 documents: one agreement row per figure"; else no "1,000 documents: one agreement row per figure"; fi

# ---- many documents, three values: the majority counted per document ---------------------------
# 300 documents give 7, 9 or 10 inadequate of 43, a few of them twice (the
# same bytes count once). A figure passes when fewer documents disagree
# with it than agree (its own included); the counts are worked out here.
mkdir -p three
python3 - <<'EOF2'
import random
random.seed(5)
words = {7: "seven", 9: "nine", 10: "ten"}
n = {7: 0, 9: 0, 10: 0}
figs = {7: 0, 9: 0, 10: 0}
for i in range(300):
    v = random.choice([7, 7, 7, 9, 10])
    n[v] += 1
    figs[v] += 1
    text = "Report %d\n\nOf the 43 councils inspected in 2013/14, %s were judged inadequate.\n" % (i, words[v])
    open("three/%03d.txt" % i, "w").write(text)
    if i % 50 == 0:
        open("three/%03d-copy.txt" % i, "w").write(text)
        figs[v] += 1
with open("three.want", "w") as f:
    npass = 0
    for v in (7, 9, 10):
        dis = 300 - n[v]
        if dis < n[v]:
            npass += figs[v]
        else:
            f.write("%d disagrees with the majority (%d of 300 documents) on inadequate authorities in 2013/14: this one says %d of 43\n" % (v, dis, v))
    f.write("passing %d\n" % npass)
EOF2
"$INSPEX" extract three > three.jsonl
"$INSPEX" audit --json three.jsonl > three.out
while read -r v want; do
  if [ "$v" = passing ]; then
    got=$(grep -c '"check":"crossdoc.agreement","verdict":"pass"' three.out)
    name="300 documents: every figure of the majority passes"
  else
    got=$(grep -o "disagrees with the majority[^;]*says $v of 43" three.out | sort -u)
    name="300 documents: the reason for $v counts the documents"
  fi
  if [ "$got" = "$want" ]; then ok "$name"; else no "$name" "got: $got
want: $want"; fi
done < three.want

# ---- streaming: one document at a time, the same verdicts as a whole run -----------------------
# Without --html the audit streams (two passes); with it, it holds the run.
# Both must say the same, record for record, and so must stdin.
same=0; diffs=""
for f in clean number two three many bad orphan changed cp; do
  [ -f $f.jsonl ] || continue
  "$INSPEX" audit --json $f.jsonl > s.out 2>&1
  "$INSPEX" audit --json --html w.html $f.jsonl > w.out 2>&1
  "$INSPEX" audit -v $f.jsonl > s.sum 2>&1
  "$INSPEX" audit -v --html w.html $f.jsonl > w.sum 2>&1
  if cmp -s s.out w.out && cmp -s s.sum w.sum; then same=$((same + 1)); else diffs="$diffs $f"; fi
done
if [ "$same" -ge 8 ] && [ -z "$diffs" ]; then ok "streaming and whole runs agree on $same records files"; else no "streaming and whole runs agree" "differ:$diffs (same: $same)"; fi
cat three.jsonl | "$INSPEX" audit --json - > p.out
"$INSPEX" audit --json three.jsonl > f.out
if cmp -s p.out f.out; then ok "records on a pipe: the same verdicts as from the file"; else no "records on a pipe: the same verdicts as from the file"; fi
# stdin a regular file, part read already: the records begin where it stands.
"$INSPEX" audit --json - < three.jsonl > r.out
{ read -r skip; "$INSPEX" audit -q - ; } < three.jsonl > part.out 2>&1
if cmp -s r.out f.out && grep -q "^audit .*: $(($(grep -c . three.jsonl) - 1)) records checked" part.out; then
  ok "stdin from a file, part read: the rest is audited, twice over"; else no "stdin from a file, part read" "$(cat part.out)"; fi
# A record away from its document's group: both ways fail it, by name.
python3 - <<'EOF2'
import json
lines = [json.loads(l) for l in open("two.jsonl")]
docs = [l for l in lines if l["type"] == "doc"]
a, b = docs[0]["doc"], docs[1]["doc"]
rest_a = [l for l in lines if l["doc"] == a and l["type"] != "doc"]
rest_b = [l for l in lines if l["doc"] == b and l["type"] != "doc"]
with open("apart.jsonl", "w") as f:
    for l in [docs[0], docs[1]] + rest_b + rest_a:
        f.write(json.dumps(l) + "\n")
EOF2
check "a record after another document's records fails (streaming)" 1 "provenance.source: the doc record of document .* \(line 1\) is not the last one before this record" "$INSPEX" audit apart.jsonl
check "a record after another document's records fails (whole)" 1 "provenance.source: the doc record of document .* \(line 1\) is not the last one before this record" "$INSPEX" audit --html w.html apart.jsonl
# Pass 1 reads only lines that may hold a period or begin a document; a key
# spelled with a \u escape is still read.
sed 's/"period":/"perio\\u0064":/' two.jsonl > esc.jsonl
"$INSPEX" audit --json two.jsonl > two.v
"$INSPEX" audit --json esc.jsonl > esc.v
if grep -q 'perio\\u0064' esc.jsonl && grep -q '"crossdoc.agreement","verdict":"fail"' esc.v && cmp -s two.v esc.v; then
  ok "a \\u-escaped period is compared across documents"; else no "a \\u-escaped period is compared across documents"; fi
# Memory: 2,000 and 8,000 documents (records of one article, each under its
# own id) take the same memory streaming; a whole run grows with them.
python3 - "$INSPEX" <<'EOF2'
import json, os, subprocess, sys
inspex = sys.argv[1]
open("m.txt", "w").write("Round-up\n\nOf the 43 councils inspected, seven were judged inadequate, 26 require "
                        "improvement and ten were good. Rotherham was rated inadequate, Leeds good.\n")
recs = subprocess.run([inspex, "extract", "m.txt"], capture_output=True, text=True).stdout.splitlines()
for n in (2000, 8000):
    with open("m%d.jsonl" % n, "w") as f:
        for k in range(n):
            for l in recs:
                r = json.loads(l)
                r["doc"] = "m.txt#%d" % k
                f.write(json.dumps(r) + "\n")
# Under ASan (make check-asan) freed memory waits in a quarantine, which
# would grow with the documents: no quarantine here.
env = dict(os.environ)
env["ASAN_OPTIONS"] = ":".join(x for x in (env.get("ASAN_OPTIONS"), "quarantine_size_mb=0") if x)
def rss(*args):
    p = subprocess.Popen([inspex, "audit", "-q"] + list(args), stdout=subprocess.DEVNULL, env=env)
    _, st, ru = os.wait4(p.pid, 0)
    return ru.ru_maxrss
s2, s8 = rss("m2000.jsonl"), rss("m8000.jsonl")
w2, w8 = rss("--html", "w.html", "m2000.jsonl"), rss("--html", "w.html", "m8000.jsonl")
print("# peak RSS kB: streaming %d -> %d, whole %d -> %d" % (s2, s8, w2, w8))
ok = s8 - s2 < 2048 and (w8 - w2) > 4 * max(s8 - s2, 256)
open("mem.res", "w").write("ok\n" if ok else "streaming %d -> %d kB, whole %d -> %d kB\n" % (s2, s8, w2, w8))
EOF2
if [ "$(cat mem.res 2>/dev/null)" = ok ]; then ok "streaming memory does not grow with the documents"; else no "streaming memory does not grow with the documents" "$(cat mem.res 2>/dev/null)"; fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
