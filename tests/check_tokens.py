#!/usr/bin/env python3
"""check_tokens.py RECORDS.jsonl TOKENS.jsonl...

`inspex tokens` output, checked against the original bytes: for every
sentence and token, the original bytes at its span, decoded per the
document's encoding (taken from the doc record in RECORDS.jsonl, matched by
source) and folded the way normalize.c documents its folding (NFC; curly
quotes, primes, dashes, spaces; invisible characters dropped; link
annotations skipped; HTML references read; Markdown emphasis and quoted
replies' marks dropped; a subtitle file's cue numbers and timings dropped;
white space runs as one space), equal the normalised
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
# HTML's named character references that normalize.c reads (its `entities`);
# numeric ones ("&#8217;", "&#x2019;") stand for any character.
ENTITIES = {
    'Aacute': 0xC1, 'Eacute': 0xC9, 'Prime': 0x2033, 'aacute': 0xE1, 'acirc': 0xE2, 'agrave': 0xE0, 'amp': 0x26,
    'apos': 0x27, 'auml': 0xE4, 'bdquo': 0x201E, 'bull': 0x2022, 'ccedil': 0xE7, 'cent': 0xA2, 'copy': 0xA9,
    'deg': 0xB0, 'eacute': 0xE9, 'ecirc': 0xEA, 'egrave': 0xE8, 'emsp': 0x2003, 'ensp': 0x2002, 'euml': 0xEB,
    'euro': 0x20AC, 'frac12': 0xBD, 'frac14': 0xBC, 'frac34': 0xBE, 'gt': 0x3E, 'hellip': 0x2026, 'iacute': 0xED,
    'iuml': 0xEF, 'laquo': 0xAB, 'ldquo': 0x201C, 'lsquo': 0x2018, 'lt': 0x3C, 'mdash': 0x2014, 'middot': 0xB7,
    'minus': 0x2212, 'nbsp': 0xA0, 'ndash': 0x2013, 'ntilde': 0xF1, 'oacute': 0xF3, 'ocirc': 0xF4, 'ouml': 0xF6,
    'pound': 0xA3, 'prime': 0x2032, 'quot': 0x22, 'raquo': 0xBB, 'rdquo': 0x201D, 'reg': 0xAE, 'rsquo': 0x2019,
    'sbquo': 0x201A, 'sect': 0xA7, 'shy': 0xAD, 'szlig': 0xDF, 'thinsp': 0x2009, 'times': 0xD7, 'trade': 0x2122,
    'uacute': 0xFA, 'uuml': 0xFC, 'zwj': 0x200D, 'zwnj': 0x200C,
}
ENTITY = re.compile(r'&(?:#[xX]([0-9A-Fa-f]{1,7})|#([0-9]{1,7})|([A-Za-z0-9]{1,7}));')


# A subtitle file's cue headers (normalize.c's cue_header_len): a cue's
# number line and its timing line, or VTT's "WEBVTT" line, at a line's start.
TIMING = r'[ \t]*\d+:\d\d(?::\d\d)?[,.]\d{3}[ \t]*-->[ \t]*\d+:\d\d(?::\d\d)?[,.]\d{3}[^\r\n]*'
CUE = re.compile(r'(?m)^(?:(?:\d+(?:\r\n|\n|\r))?' + TIMING + r'|WEBVTT(?:[ \t][^\r\n]*)?$)')


def is_subtitles(text):
    """Does the document's first line (after blank lines) open a cue?"""
    head = text.lstrip(' \t\r\n')
    if head != text and text[len(text) - len(head) - 1] not in '\r\n':
        return False
    m = CUE.match(head)
    return bool(m)


def spaceish(ch):
    """Not text to normalize.c's ASCII table: controls, space, and the bytes
    that start markup ('<', '&', '*', '>')."""
    return ord(ch) < 0x20 or ch in ' \x7f<&*>'


def markup(s):
    """HTML references read, Markdown emphasis marks and a quoted reply's
    marks at a line's start dropped, as normalize.c does, in one pass."""
    out, i, n = [], 0, len(s)
    while i < n:
        c = s[i]
        if c == '&':
            m = ENTITY.match(s, i)
            cp = None
            if m:
                if m.group(3):
                    cp = ENTITIES.get(m.group(3))
                else:
                    cp = int(m.group(1), 16) if m.group(1) else int(m.group(2))
                    if cp == 0 or cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
                        cp = None
            if cp is not None:
                out.append(chr(cp))
                i = m.end()
                continue
        elif c == '*':
            j = i
            while j < n and s[j] == '*':
                j += 1
            if j - i <= 3:
                before = s[i - 1] if i else ' '
                after = s[j] if j < n else ' '
                sb, sa = spaceish(before), spaceish(after)
                if (not sa and (sb or before in '(["\'')) or (not sb and (sa or after in '.,;:!?)]"\'')):
                    i = j
                    continue
        elif c == '>':
            k = i
            while k > 0 and s[k - 1] in ' \t':
                k -= 1
            if k > 0 and s[k - 1] in '\n\r':        # a span's own start is no line's start
                while i < n and s[i] in '> ':
                    i += 1
                continue
        out.append(c)
        i += 1
    return ''.join(out)


def fold(s, subs=False):
    if subs:
        s = CUE.sub(' ', s)

    def link(m):
        nxt = s[m.end():m.end() + 1]
        return '' if ('\n' not in m.group(0) and '\r' not in m.group(0) and nxt and nxt in '.,;:!?)]') else ' '
    s = LINK.sub(link, s)
    # a word hyphenated across one line break is joined back ("inade-\nquate"),
    # unless the word after goes on with a hyphen ("Stoke-\non-Trent")
    s = re.sub(r'(?<=[A-Za-z])-[ \t]*(?:\r\n|\n|\r)[ \t]*(?=[a-z]+(?![a-z-]))', '', s)
    s = markup(s)
    s = unicodedata.normalize('NFC', s)
    # an em dash (or a bar) set close is a parenthetical dash: " - ", but
    # between two digits the dash of a range
    s = re.sub(r'[\u2014\u2015]', lambda m: '-' if re.match(r'\d', s[m.start() - 1:m.start()]) and
               re.match(r'\d', s[m.end():m.end() + 1]) else ' - ', s)
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
        subs = is_subtitles(data.decode(e, errors='replace'))
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
            got = fold(data[a:b].decode(e, errors='replace'), subs)
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
