#!/usr/bin/env python3
"""check_spans.py RECORDS.jsonl [DUMP.jsonl]

The provenance contract of SCHEMA.md, checked record by record: every
record's `evidence` equals the original bytes at `span` decoded with the
document's `encoding` (UTF-8, or Windows-1252), undecodable bytes as U+FFFD.

For a document read from a file, the bytes are re-read from its `source`.
For a document from a JSON Lines dump (source DUMP:LINE), the bytes are the
UTF-8 encoding of that line's text field (DUMP.jsonl, field "text").

Also checked: the doc record's `bytes` and `sha256` describe the source, each
span lies inside the document with start <= end, a council's `mentions`
are in bounds, sorted, and start with its `span`, and a quote's
`speaker_span` is in bounds.

One `ok`/`FAIL` line per record; closing line `N passed, N failed`.
Independent of shared/tools/check-spans.py on purpose.
"""
import hashlib
import json
import re
import sys

passed = failed = 0


def result(good, msg):
    global passed, failed
    if good:
        passed += 1
        print('ok   ' + msg)
    else:
        failed += 1
        print('FAIL ' + msg)


def codec(enc):
    e = (enc or 'utf-8').lower()
    if e in ('windows-1252', 'cp1252'):
        return 'cp1252'
    if e in ('utf-8', 'utf8'):
        return 'utf-8'
    return None


def in_bounds(sp, n):
    return (isinstance(sp, list) and len(sp) == 2 and all(isinstance(x, int) for x in sp)
            and 0 <= sp[0] <= sp[1] <= n)


def main(argv):
    if not argv:
        sys.exit(__doc__)
    dump_texts = {}
    if len(argv) > 1:
        with open(argv[1], encoding='utf-8') as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    dump_texts[n] = json.loads(line).get('text')
    docs = {}
    with open(argv[0], encoding='utf-8') as f:
        lines = f.readlines()
    for n, line in enumerate(lines, 1):
        r = json.loads(line)
        t, d = r.get('type'), r.get('doc')
        where = f'{d} {t}'
        if t == 'error':
            docs[d] = None
            continue
        if t == 'doc':
            src = r.get('source') or d
            data = None
            m = re.match(r'^(.*):(\d+)$', src)
            if m and int(m.group(2)) in dump_texts:
                data = (dump_texts[int(m.group(2))] or '').encode('utf-8')
            else:
                try:
                    with open(src, 'rb') as g:
                        data = g.read()
                except OSError as e:
                    result(False, f'{where}: cannot re-read source {src}: {e}')
                    docs[d] = None
                    continue
            enc = codec(r.get('encoding'))
            result(enc is not None, f'{where}: encoding {r.get("encoding")!r}')
            result(r.get('bytes') == len(data), f'{where}: bytes {r.get("bytes")} == {len(data)}')
            if not m:
                result(r.get('sha256') == hashlib.sha256(data).hexdigest(), f'{where}: sha256 of the source')
            docs[d] = (data, enc or 'utf-8')
            continue
        if d not in docs:
            result(False, f'{where}: record before its doc record (line {n})')
            continue
        if docs[d] is None:
            continue
        data, enc = docs[d]
        sp = r.get('span')
        if not in_bounds(sp, len(data)):
            result(False, f'{where}: span {sp} outside the document of {len(data)} bytes')
            continue
        want = data[sp[0]:sp[1]].decode(enc, errors='replace')
        ev = r.get('evidence')
        result(ev == want and ev != '',
               f'{where} {sp}: evidence {ev!r:.80} ' + ('== source' if ev == want else f'!= source {want!r:.80}'))
        if t == 'council':
            ms = r.get('mentions') or []
            good = (all(in_bounds(x, len(data)) for x in ms) and ms == sorted(ms) and ms and ms[0] == sp)
            result(bool(good), f'{where}: {len(ms)} mentions in bounds, sorted, first == span')
        if t == 'quote' and r.get('speaker_span') is not None:
            result(in_bounds(r['speaker_span'], len(data)), f'{where}: speaker_span {r["speaker_span"]} in bounds')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
