#!/bin/sh
# t_export.sh — `inspex rules --export-regex`: the rule set as one pattern
# set for `rg -c -P -f RULES` (what `make bench` compares inspex with). One
# line per rule, the shared macros defined once on the last line; ripgrep
# must compile it as one PCRE2 pattern (its compiled size is capped at 64 KB
# by Debian's PCRE2, so a rule change can push it over) and find the rules'
# matches in the corpus.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
check() { if eval "$2"; then pass=$((pass + 1)); echo "ok $1"; else fail=$((fail + 1)); echo "FAIL $1"; fi; }

$INSPEX rules --export-regex patterns > "$T/rules.txt"; rc=$?
check "export exits 0" '[ $rc = 0 ]'
# the council context rules (councils.pat) look only at a window around a
# name the gazetteer found, the speaker rules only at a speaker phrase or a
# description, a table's rating_table rules only at its lines, rating_row
# only at the lines of a block of several, rating_next only at the sentence
# after a rating, a rule marked `continue` only where a rating's match
# ended, the quote
# attributions (but quote_sentence) only at the sentences around a
# quotation, judgement_after only at a grade's end and grade_from_before
# only at its start, never through text: they are left out
searches='($1 !~ /^council_/ || $1 ~ /^council_rating/) && $1 !~ /^(speaker_name|speaker_desc|speaker_human|speaker_inspection|rating_table|rating_row|rating_next|quote_after|quote_before|quote_final|quote_coordinated|quote_colon|quote_prev|quote_added|quote_dash|judgement_after|grade_from_before)$/'
nrules=$($INSPEX rules --list patterns | awk '{ print $2 }' | awk "$searches" | wc -l)
ncont=$(awk '/^family /{f=$2} /^  continue$/{print f}' patterns/*.pat | awk "$searches" | wc -l)
nrules=$((nrules - ncont))
check "one line per rule that searches text ($nrules)" '[ "$(wc -l < "$T/rules.txt")" = "$nrules" ]'
check "no council context rule exported" '! grep -q "Despond" "$T/rules.txt"'
# list-next-elliptic's verb list ends its match: no exported rule holds it
check "no continuation rule exported" '! grep -q "(?:are|is|were|was|do|does|did)(?: (?:now|still|too|also|so))?" "$T/rules.txt"'
check "macros defined once, on the last line" '[ "$(grep -c "(?(DEFINE)" "$T/rules.txt")" = 1 ] && tail -n 1 "$T/rules.txt" | grep -q "(?(DEFINE)"'
check "no rule names a macro it does not define" '! grep -q "{[A-Z][A-Z0-9_]*}" "$T/rules.txt"'
# rg only counts matches: a named group nothing refers to is exported as a
# plain group (each capture adds to the set's compiled size); one that a
# backreference or a condition names keeps a (short, numbered) name.
unref=0
for g in $(grep -o '(?<g[0-9]*>' "$T/rules.txt" | sed 's/^(?<//; s/>$//' | sort -u); do
    grep -q -e "(?(<$g>)" -e "\\\\k<$g>" -e "\\\\k{$g}" "$T/rules.txt" || unref=$((unref + 1))
done
check "unreferenced named groups exported as (?: groups" '[ $unref = 0 ]'
check "a group a condition names keeps a name (number-of-has-risen's put)" 'grep -q "(?(<g[0-9]*>)" "$T/rules.txt" && grep -q "(?<g[0-9]*>" "$T/rules.txt"'
# names are short (the name table's entries are as long as the longest
# name): macros m1, m2, ... with their names as comments, a rule's own g1, ...
check "every name short: m<k>, g<k> or _c<k>" '! grep -o "(?<[A-Za-z_][A-Za-z0-9_]*>" "$T/rules.txt" | grep -v -q -E "^\(\?<(m|g|_c)[0-9]+>$"'
grade=$(grep -o "(?<m[0-9]*>(?#GRADE)" "$T/rules.txt" | sed 's/^(?<//; s/>.*//')
check "each macro's definition names it in a comment (GRADE is $grade)" '[ -n "$grade" ]'
# and one that only calls a macro, "(?<grade>{GRADE})", as the call alone
check "a group that only calls a macro exported as the call" '! grep -q "(?:(?&[A-Za-z0-9_]*))" "$T/rules.txt" && grep -q "(?&$grade)" "$T/rules.txt"'
# a class written often ("[ -]", the phrase lists' space) is defined once
# and called; a class with a letter in it only where the text is
# case-sensitive (under (?i) a call runs it with its definition's options)
check "a class written often is defined once and called" '[ "$(grep -o "\[ -\]" "$T/rules.txt" | wc -l)" = 1 ] && grep -q "(?<_c[0-9]*>\[ -\])" "$T/rules.txt"'
check "[A-Z] is defined once and called" 'grep -q "(?<_c[0-9]*>\[A-Z\])" "$T/rules.txt"'
cp -r patterns "$T/pat"
# the export's own devices, tried on a few rules of their own: the real set
# sits close to PCRE2's cap, and rg must not refuse these for its size
rm -f "$T/pat/boilerplate.pat" "$T/pat/council_ratings.pat" "$T/pat/councils.pat" "$T/pat/quotes.pat" "$T/pat/ratings.pat"
printf 'rule repeated-word\n  match \\b(?<w>[a-z]{3,}) \\k<w>\\b(?<bang>!)?(?(<bang>)!|\\.)\n' >> "$T/pat/meta.pat"
$INSPEX rules --export-regex "$T/pat" > "$T/rules2.txt"; rc=$?
check "a referenced group keeps a name" '[ $rc = 0 ] && grep -q "(?<\(g[0-9]*\)>\[a-z\]{3,}) \\\\k<\1>" "$T/rules2.txt" && grep -q "(?(<g[0-9]*>)" "$T/rules2.txt"'
# a macro called once in the whole set is written where it is called (a
# definition and a call cost more than the group); one called twice, or
# once inside a counted repeat (whose copies would copy the body), is
# defined and called
printf 'family meta\ndefine ONCEM (?:zq[0-9]x)\ndefine TWICEM (?:zw[0-9]y)\ndefine REPM (?:zr[0-9]z)\nrule once-twice-repeated\n  match {ONCEM}-{TWICEM}-{TWICEM}(?: {REPM}){0,3}\n' > "$T/pat/zz.pat"
$INSPEX rules --export-regex "$T/pat" > "$T/rules3.txt"; rc=$?
check "a macro called once is written in place, not defined" '[ $rc = 0 ] && ! grep -q "(?#ONCEM)" "$T/rules3.txt" && grep -q -F "(?:(?:zq[0-9]x))-(?&m" "$T/rules3.txt"'
check "a macro called twice, or in a counted repeat, is defined" 'grep -q "(?#TWICEM)" "$T/rules3.txt" && grep -q "(?#REPM)" "$T/rules3.txt"'
# a class with a letter is called where the text is case-sensitive and
# copied under (?i), whether a group or a setting says so; "[Tt]" (one
# caseless character to PCRE2) is never called
printf 'family meta\nrule cased-classes\n  match [A-Z]a[A-Z]b[A-Z]c[A-Z]d[A-Z]e[A-Z]f[A-Z]g[A-Z]h(?i:[A-Z]q)(?:(?i)[A-Z]r)[A-Z]s[Tt]1[Tt]2[Tt]3[Tt]4[Tt]5[Tt]6[Tt]7[Tt]8\n' > "$T/pat/zz.pat"
$INSPEX rules --export-regex "$T/pat" > "$T/rules4.txt"; rc=$?
check "a cased class called outside (?i), copied inside" '[ $rc = 0 ] && grep -q -F "(?i:[A-Z]q)(?:(?i)[A-Z]r)(?&_c" "$T/rules4.txt" && [ "$(grep -o -F "[A-Z]" "$T/rules4.txt" | wc -l)" = 3 ] && [ "$(grep -o -F "[Tt]" "$T/rules4.txt" | wc -l)" = 8 ]'
if command -v rg > /dev/null 2>&1; then
  printf 'a zq1x-zw2y-zw3y zr4z b\nzq1x-zw2y-zq3y\n' > "$T/once.txt"
  check "rg runs the macro written in place" '[ "$(rg -c -P -f "$T/rules3.txt" "$T/once.txt")" = 1 ]'
  printf 'It was the the. End\nno repeat here\n' > "$T/rep.txt"
  check "rg runs the backreference" '[ "$(rg -c -P -f "$T/rules2.txt" "$T/rep.txt")" = 1 ]'

  rg -c -P -f "$T/rules.txt" corpus/ > "$T/rg.out" 2> "$T/rg.err"; rc=$?
  check "rg -P compiles the set (exit $rc: $(head -c 120 "$T/rg.err"))" '[ $rc = 0 ]'
  n=$(ls corpus/*.txt | wc -l)
  check "rg finds rule matches in every corpus article" '[ "$(grep -c "\.txt:" "$T/rg.out")" = "$n" ]'
  # each rule that calls a class with a letter in it, with its classes
  # written back in place of the calls, matches the same lines (the first
  # rule that calls any class too)
  python3 - "$T/rules.txt" "$T" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
defs = lines[-1][lines[-1].index('(?(DEFINE)'):]
classes = re.findall(r'\(\?<(_c\d+)>(\[[^\]]*\])\)', defs)
cased = [n for n, c in classes if re.search(r'[A-Za-z]', re.sub(r'\\.', '', c))]
picked = [l for l in lines[:-1] if any('(?&%s)' % n in l for n in cased)]
picked.insert(0, next(l for l in lines[:-1] if '(?&_c' in l))
for i, rule in enumerate(picked):
    open('%s/calls%d.txt' % (sys.argv[2], i), 'w', encoding='utf-8').write(rule + '\n' + defs + '\n')
    for name, cls in classes:
        rule = rule.replace('(?&%s)' % name, cls)
    open('%s/copies%d.txt' % (sys.argv[2], i), 'w', encoding='utf-8').write(rule + '\n' + defs + '\n')

PY
  same=0; nrule=0
  for c in "$T"/calls*.txt; do
    k=${c##*/calls}; nrule=$((nrule + 1))
    rg -c -P -f "$c" corpus/ 2>&1 | sort > "$T/rg.calls"; rg -c -P -f "$T/copies$k" corpus/ 2>&1 | sort > "$T/rg.copies"
    grep -q "(?&_c" "$c" && ! head -n 1 "$T/copies$k" | grep -q "(?&_c" && [ -s "$T/rg.calls" ] && cmp -s "$T/rg.calls" "$T/rg.copies" && same=$((same + 1))
  done
  check "a called class matches as the class copied does ($same of $nrule rules)" '[ "$nrule" -gt 10 ] && [ "$same" = "$nrule" ]'
else
  echo "SKIPPED rg checks: ripgrep is not installed (make deps)"
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
