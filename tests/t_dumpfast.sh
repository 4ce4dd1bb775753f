#!/bin/sh
# t_dumpfast.sh — the fast JSON Lines reader (source.c) reads every line
# exactly as jansson does: same documents, same ids, same error records and
# messages, on lines built to catch the differences (escapes, surrogates,
# invalid UTF-8, duplicates, numbers, nesting, trailing junk, no final
# newline). Compares a run with INSPEX_SLOW_JSON=1 (jansson for every line).
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
python3 - "$T/tricky.jsonl" <<'PY'
import sys
L = [
 b'{"id":"a1","text":"Kent County Council was rated inadequate by Ofsted."}',
 b'{"id":7,"text":"id as integer"}',
 b'{"id":-0,"text":"minus zero id"}',
 b'{"id":1.5,"url":"http://x/y","text":"real id falls back to url"}',
 b'{"id":null,"text":"null id"}',
 b'{"text":"no id at all"}',
 b'{"id":"dup","text":"first","text":"second"}',
 b'{"id":"esc","text":"tab\\there \\"q\\" \\\\ \\/ \\u00e9\\u2019 \\ud83d\\ude00 nul\\u0000x"}',
 b'{"id":"lone","text":"bad \\ud800 surrogate"}',
 b'{"id":"lone2","text":"\\udc00"}',
 b'{"id":"badutf8","text":"caf\xc3"}',
 b'{"id":"overlong","text":"\xc0\xaf"}',
 b'{"id":"cesu","text":"\xed\xa0\x80"}',
 b'{"id":"ctrl","text":"raw\x01control"}',
 b'{"id":"nested","m":{"a":[1,2,{"b":null}],"c":true,"d":false,"e":1e5,"f":-1.25},"text":"nested"}',
 b'{"id":"deep","m":' + b'[' * 100 + b']' * 100 + b',"text":"deep"}',
 b'{"id":"trail","text":"x"} junk',
 b'{"id":"notext","body":"x"}',
 b'{"id":"nulltext","text":null}',
 b'{"id":"numtext","text":42}',
 b'[1,2]',
 b'"just a string"',
 b'{"id":"bigint","n":123456789012345678901234,"text":"big"}',
 b'{"id":"overflow","n":1e999,"text":"real overflow"}',
 b'{"id":"keyesc","t\\u0065xt":"escaped key"}',
 b'{"id":"nulkey","te\\u0000xt":"nul key","text":"t"}',
 b'{"id":"ctrlkey","te\x01xt":"raw control byte in a key","text":"t"}',
 b'{"id":"utf8key","caf\xc3\xa9":"x","text":"a non-ASCII key"}',
 b'{"id":"badkey","caf\xc3":"x","text":"invalid UTF-8 in a key"}',
 b'  {  "id" : "spaces" , "text" : "ws around"  }  ',
 b'{"id":"meta","title":"A title","date":"2020-01-02","outlet":"Paper","text":"with meta"}',
 b'{"id":"src","source":"Src","text":"source as outlet"}',
 b'{"id":"empty","text":""}',
 b'{"id":"utf8","text":"caf\xc3\xa9 \xe2\x80\x9cquote\xe2\x80\x9d"}',
 b'{"id":"trunc","text":"unterminated',
 b'{"id":"zeros","n":007,"text":"x"}',
 b'{"id":"tru","a":tru,"text":"x"}',
 b'{"id":12345678901234567890,"text":"19-digit id"}',
 b'{"id":"hi-then-A","text":"\\ud800\\u0041"}',
 b'{}',
 b'{"id":"comma","text":"x",}',
]
# every special byte at every offset from a string's start, as the reader
# passes plain text eight bytes at a time: an escape, UTF-8, a raw control
# byte, invalid UTF-8, the closing quote, and the line ending inside the string
for i in range(18):
    pad = b'abcdefghijklmnopqrstuvwxyz'[:i]
    L += [b'{"id":"sq%d","text":"%s\\"%s"}' % (i, pad, pad),
          b'{"id":"sb%d","text":"%s\\\\%s"}' % (i, pad, pad),
          b'{"id":"su%d","text":"%s\xc3\xa9%s"}' % (i, pad, pad),
          b'{"id":"sc%d","text":"%s\x1f%s"}' % (i, pad, pad),
          b'{"id":"sv%d","text":"%s\xc3(%s"}' % (i, pad, pad),
          b'{"id":"se%d","text":"%s"}' % (i, pad),
          b'{"id":"st%d","text":"%s' % (i, pad)]
with open(sys.argv[1], 'wb') as f:
    for l in L:
        f.write(l + b'\n')
    f.write(b'{"id":"last","text":"no newline at the end"}')
PY
pass=0; fail=0
check() { if [ "$1" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "not ok: $2"; fi; }
"$INSPEX" extract --input jsonl "$T/tricky.jsonl" > "$T/fast.jsonl" 2> "$T/fast.err"; rc1=$?
INSPEX_SLOW_JSON=1 "$INSPEX" extract --input jsonl "$T/tricky.jsonl" > "$T/slow.jsonl" 2> "$T/slow.err"; rc2=$?
cmp -s "$T/fast.jsonl" "$T/slow.jsonl"; check $? "records differ between the fast reader and jansson"
cmp -s "$T/fast.err" "$T/slow.err"; check $? "messages differ"
[ "$rc1" = "$rc2" ]; check $? "exit status differs ($rc1 vs $rc2)"
n=$(grep -c '"type":"error"' "$T/fast.jsonl")
[ "$n" -ge 10 ]; check $? "expected the malformed lines as error records (got $n)"
grep -q '"doc":"esc"' "$T/fast.jsonl"; check $? "escaped line read"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
