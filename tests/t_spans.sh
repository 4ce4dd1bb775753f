#!/bin/sh
# t_spans.sh — provenance: over every corpus and seed document, each record's
# `evidence` equals the original bytes at `span` decoded per the doc's
# `encoding` (Windows-1252, CRLF and BOM documents included), checked by
# tests/check_spans.py and, when present, by ../shared/tools/check-spans.py.
# The corpus is also run as a JSON Lines dump, whose offsets index the UTF-8
# bytes of each line's text field.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
P=0; F=0
add() {   # add the counts of a "N passed, N failed" line read from $1
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1)
  if [ -z "$line" ]; then echo "FAIL $2: no summary"; F=$((F + 1)); return; fi
  grep -E '^FAIL ' "$1"
  [ -n "$3" ] && grep -v -E '^(ok|FAIL) |^[0-9]+ passed' "$1" | head -n 20
  P=$((P + $(echo "$line" | sed -E 's/^([0-9]+) passed.*/\1/')))
  F=$((F + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
  echo "# $2: $line"
}

inputs=corpus/
[ -d ../shared/seeds ] && inputs="corpus/ ../shared/seeds/"
# Slices of those documents cut at random places, with a few bytes changed
# (stray UTF-8 lead bytes, Windows-1252 quotes, NUL, newlines, quote marks,
# '<'): spans must hold on text the extractors were not written for. The
# seed is fixed, so a failure reproduces.
mkdir "$tmp/slices"
python3 - "$tmp/slices" $inputs <<'PY'
import os, random, sys
out, dirs = sys.argv[1], sys.argv[2:]
docs = [open(os.path.join(d, n), 'rb').read() for d in dirs for n in sorted(os.listdir(d)) if n.endswith('.txt')]
rnd = random.Random(20240611)
for i in range(200):
    d = rnd.choice(docs)
    a = rnd.randrange(len(d))
    s = bytearray(d[a:a + rnd.randrange(1, 600)])
    for _ in range(rnd.randrange(0, 4)):
        if s:
            s[rnd.randrange(len(s))] = rnd.choice(b'\x80\xe2\x93\x94\x00\n\x22\x27<\xc3 ')
    open(os.path.join(out, '%03d.txt' % i), 'wb').write(bytes(s))
PY
# shellcheck disable=SC2086
"$INSPEX" extract $inputs "$tmp/slices" > "$tmp/all.jsonl"
rc=$?
if [ $rc -eq 0 ]; then P=$((P + 1)); echo "ok   extract $inputs exit 0"
else F=$((F + 1)); echo "FAIL extract $inputs exited $rc"; fi
nrec=$(grep -c '"span"' "$tmp/all.jsonl")
echo "# $nrec records with spans"
python3 tests/check_spans.py "$tmp/all.jsonl" > "$tmp/own.out" 2>&1
add "$tmp/own.out" "check_spans.py (files)"
if [ -f ../shared/tools/check-spans.py ]; then
  python3 ../shared/tools/check-spans.py "$tmp/all.jsonl" > "$tmp/shared.out" 2>&1
  add "$tmp/shared.out" "shared/tools/check-spans.py" show
fi

# The corpus as a JSON Lines dump: text fields are the decoded documents.
python3 - corpus "$tmp/dump.jsonl" <<'PY'
import json, os, sys
d, out = sys.argv[1], sys.argv[2]
with open(out, 'w', encoding='utf-8') as f:
    for n in sorted(os.listdir(d)):
        if not n.endswith('.txt'):
            continue
        b = open(os.path.join(d, n), 'rb').read()
        try:
            t = b.decode('utf-8')
        except UnicodeDecodeError:
            t = b.decode('cp1252', errors='replace')
        f.write(json.dumps({'id': 'dump-' + n, 'text': t}) + '\n')
PY
"$INSPEX" extract --input jsonl "$tmp/dump.jsonl" > "$tmp/dump.out.jsonl"
rc=$?
if [ $rc -eq 0 ]; then P=$((P + 1)); echo "ok   extract --input jsonl exit 0"
else F=$((F + 1)); echo "FAIL extract --input jsonl exited $rc"; fi
python3 tests/check_spans.py "$tmp/dump.out.jsonl" "$tmp/dump.jsonl" > "$tmp/dump.out" 2>&1
add "$tmp/dump.out" "check_spans.py (JSON Lines dump)"

# Every sentence and token of every document (inspex tokens) maps back too:
# independent of what the extractors find.
mkdir "$tmp/tok"
i=0
for f in corpus/*.txt ${inputs#corpus/}; do
  [ -d "$f" ] && set -- "$f"*.txt || set -- "$f"
  for g in "$@"; do
    [ -f "$g" ] || continue
    i=$((i + 1))
    { printf '{"source":"%s"}\n' "$g"; "$INSPEX" tokens "$g"; } > "$tmp/tok/$i.jsonl"
  done
done
python3 tests/check_tokens.py "$tmp/all.jsonl" "$tmp"/tok/*.jsonl > "$tmp/tok.out" 2>&1
add "$tmp/tok.out" "check_tokens.py (inspex tokens)"

echo "$P passed, $F failed"
[ "$F" = 0 ]
