#!/usr/bin/env python3
"""check_tokens.py RECORDS.jsonl TOKENS.jsonl...

`inspex tokens` output, checked against the original bytes: for every
sentence and token, the original bytes at its span, decoded per the
document's encoding (taken from the doc record in RECORDS.jsonl, matched by
source) and folded the way normalize.c documents its folding (NFC; curly
quotes, primes, dashes, spaces; invisible characters dropped; link
annotations skipped; white space runs as one space), equal the normalised
text inspex reports. This tests the offset maps on every real document,
whatever the extractors find. Each TOKENS.jsonl is named SOURCE.tokens.jsonl
by the caller's convention: the first line holds {"source": ...}.

One `ok`/`FAIL` line per document (with the first few mismatches), closing
line `N passed, N failed`.
"""
import json
import re
import sys
import unicodedata

FOLD = {}
for a, b, to in [(0x00A0, 0x00A0, ' '), (0x00AB, 0x00AB, '"'), (0x00AD, 0x00AD, ''), (0x00BB, 0x00BB, '"'),
                 (0x2000, 0x200A, ' '), (0x200B, 0x200D, ''), (0x2010, 0x2015, '-'), (0x2018, 0x201B, "'"),
                 (0x201C, 0x201F, '"'), (0x2026, 0x2026, '...'), (0x2028, 0x2029, ' '), (0x202F, 0x202F, ' '),
                 (0x2032, 0x2032, "'"), (0x2033, 0x2033, '"'), (0x205F, 0x205F, ' '), (0x2060, 0x2060, ''),
                 (0x2212, 0x2212, '-'), (0x3000, 0x3000, ' '), (0xFEFF, 0xFEFF, ''), (0xFF02, 0xFF02, '"'),
                 (0xFF07, 0xFF07, "'")]:
    for c in range(a, b + 1):
        FOLD[c] = to
LINK = re.compile(r'\s*(?:<(?:https?:|www\.|mailto:)[^\s<>]*>\s*)+')


def fold(s):
    def link(m):
        nxt = s[m.end():m.end() + 1]
        return '' if ('\n' not in m.group(0) and '\r' not in m.group(0) and nxt and nxt in '.,;:!?)]') else ' '
    s = LINK.sub(link, s)
    # a word hyphenated across one line break is joined back ("inade-\nquate"),
    # unless the word after goes on with a hyphen ("Stoke-\non-Trent")
    s = re.sub(r'(?<=[A-Za-z])-[ \t]*(?:\r\n|\n|\r)[ \t]*(?=[a-z]+(?![a-z-]))', '', s)
    s = unicodedata.normalize('NFC', s)
    out = []
    for ch in s:
        c = ord(ch)
        if c in FOLD:
            out.append(FOLD[c])
        elif c < 0x20 or c == 0x7F or unicodedata.category(ch) == 'Zs':
            out.append(' ')
        else:
            out.append(ch)
    return re.sub(r' +', ' ', ''.join(out)).strip()


def main(argv):
    enc = {}
    for line in open(argv[0], encoding='utf-8'):
        r = json.loads(line)
        if r.get('type') == 'doc':
            enc[r['source']] = 'cp1252' if r.get('encoding') == 'windows-1252' else 'utf-8'
    passed = failed = 0
    for path in argv[1:]:
        lines = open(path, encoding='utf-8').read().splitlines()
        src = json.loads(lines[0])['source']
        data = open(src, 'rb').read()
        e = enc.get(src, 'utf-8')
        bad, n = [], 0
        for line in lines[1:]:
            r = json.loads(line)
            if 'tok' in r:
                want = r['tok']
            elif 'sent' in r and 'text' in r:
                want = r['text']
            else:
                continue
            n += 1
            a, b = r['span']
            got = fold(data[a:b].decode(e, errors='replace'))
            if got != want:
                bad.append(f'[{a},{b}) {data[a:b][:60]!r} folds to {got[:60]!r}, inspex says {want[:60]!r}')
        if bad:
            failed += 1
            print(f'FAIL {src}: {len(bad)} of {n} spans do not map back')
            for x in bad[:5]:
                print('       ' + x)
        else:
            passed += 1
            print(f'ok   {src}: {n} sentence and token spans map back')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
