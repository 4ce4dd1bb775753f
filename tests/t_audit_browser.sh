#!/bin/sh
# t_audit_browser.sh — the audit's HTML report in a real browser.
#
# Loads a report in headless Chromium (Debian's `chromium`, which
# tools/deps.sh installs for the tests) and reads the DOM after the page's
# script ran: the highlighted spans are there with their text, the script
# counted them, article text stayed text, and a link to a record opens the
# collapsed section holding it. Without chromium the suite says SKIPPED on
# its closing line and passes nothing.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
case $INSPEX in /*) ;; *) INSPEX=$(pwd)/$INSPEX ;; esac
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser)}
if [ -z "$CHROMIUM" ]; then
  echo "SKIPPED: chromium is not installed (sh tools/deps.sh installs it); the browser test did not run"
  echo "0 passed, 0 failed (SKIPPED: no chromium)"
  exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
no() { fail=$((fail + 1)); echo "not ok $1"; [ -n "$2" ] && printf '%s\n' "$2" | sed 's/^/    /' | head -20; }

# dom URL OUT: the DOM of URL after its scripts ran, on one line (tooltips
# hold newlines).
dom() {
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$T/profile" --dump-dom "$1" 2> "$T/chromium.err" | tr '\n' ' ' > "$2"
}

cd "$T" || exit 2
cat > a.txt <<'EOF'
Ofsted <script>document.title="pwned"</script> figures

Of the 43 councils inspected in 2013/14, seven were judged inadequate, 26 require improvement and ten were good.

Rotherham was rated inadequate.
EOF
sed 's/seven were judged inadequate, 26/nine were judged inadequate, 24/' a.txt > b.txt
printf 'A quiet week\n\nNothing was inspected this week in Leeds.\n' > c.txt
"$INSPEX" extract a.txt b.txt c.txt > recs.jsonl
"$INSPEX" audit --html report.html recs.jsonl > summary.txt
[ -s report.html ] && ok "report written" || no "report written" "$(cat summary.txt)"

dom "file://$T/report.html" page.dom
if grep -q '</html>' page.dom; then ok "chromium rendered the report"; else no "chromium rendered the report" "$(tail -5 chromium.err)"; fi
n=$(grep -o 'data-highlights="[0-9]*"' page.dom | head -1 | grep -o '[0-9][0-9]*')
if [ -n "$n" ] && [ "$n" -gt 0 ]; then ok "the page's script ran and counted $n highlights"; else no "the page's script ran" "$(grep -o '<body[^>]*>' page.dom)"; fi
if grep -q "script ran: $n highlighted stretches" page.dom; then ok "script status shown"; else no "script status shown"; fi
if grep -Eq '<mark class="hl t-rating[^"]*" data-r="[0-9]+" title="[^"]*inadequate: 7 of 43[^"]*">seven were judged inadequate</mark>' page.dom; then
  ok "rating span highlighted in the DOM"; else no "rating span highlighted in the DOM" "$(grep -o '<mark[^>]*>[^<]*</mark>' page.dom | head -5)"; fi
if grep -Eq '<mark class="hl t-rating bad" data-r="[0-9]+"[^>]*>nine were judged inadequate</mark>' page.dom; then
  ok "failing span highlighted as failing"; else no "failing span highlighted as failing" "$(grep -o '<mark[^>]*>nine[^<]*</mark>' page.dom)"; fi
if grep -Eq '<mark class="hl t-council[ "][^>]*>Rotherham</mark>' page.dom; then ok "council span highlighted"; else no "council span highlighted"; fi
if grep -q '&lt;script&gt;document.title=' page.dom && ! grep -q 'pwned</title>' page.dom; then
  ok "article's <script> stayed text"; else no "article's <script> stayed text" "$(grep -o '<title>[^<]*' page.dom)"; fi
if grep -q '<td>7 of 43\|<b>7 of 43</b>' page.dom && grep -q '(disagrees)' page.dom; then ok "agreement table in the DOM"; else no "agreement table in the DOM"; fi

# A link into a closed section opens it: c.txt passes, so its section is closed.
rec=$(grep -o '<tr id="r[0-9]*" data-type="council"[^>]*' report.html | tail -1 | sed 's/.*id="r\([0-9]*\)".*/\1/')
sec=$(grep -o '<details class="doc" id="d[0-9]*"[^>]*>' report.html | tail -1)
case $sec in *open*) no "the last section starts closed" "$sec" ;; *) ok "the last section starts closed" ;; esac
dom "file://$T/report.html#r$rec" hash.dom
last=$(grep -o '<details class="doc" id="d[0-9]*"[^>]*>' hash.dom | tail -1)
case $last in *open*) ok "a link to a record opens its section" ;; *) no "a link to a record opens its section" "$last (record r$rec)" ;; esac

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
