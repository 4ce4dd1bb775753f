#!/usr/bin/env python3
"""golden.py CORPUS_DIR RECORDS.jsonl [--seeds RECORDS.jsonl GOLD.jsonl]

Compares inspex's records for every CORPUS_DIR/NAME.txt that has a
CORPUS_DIR/NAME.expected.jsonl with that file, using the matching rules of
shared/GOLD.md as shared/tools/score.py applies them:

  rating          a SET per document of (grade, count, share); the stated total
                  is checked on the matched records and reported, not failed
  council         by name, once per document
  council_rating  by (council, grade)
  quote           by text (a 30-character prefix either way, after folding)
                  and then by speaker (surname, or the description's words)

Prints one `ok`/`FAIL` line per expected record and per extra record, an
overall P/R/F1 table per type, and the closing `N passed, N failed` line.
Exits 1 when anything failed.

Known gaps: an expected record with a "known_gap" field (why it is not
extracted yet) that is missed prints `gap` instead of `FAIL`; a record in
CORPUS_DIR/known_extras.jsonl (with a "known_extra" field saying why)
describes a wrong record inspex still writes, and that extra prints `gap`
too. Both count in the P/R/F1 table as the misses and extras they are, and
a gap that closes prints `ok ... (known gap closed: drop the mark)`.

With --seeds, also prints the P/R/F1 table of a seed run against its gold
(for information: it does not count towards passed/failed).

The matching functions come from ../shared/tools/score.py when that file
exists (so the suite and the scorer cannot drift apart), else from the
equivalent copy below, so the suite also runs on a fresh clone.
"""
import importlib.util
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE_PY = os.environ.get('SCORE_PY') or os.path.join(HERE, '..', '..', 'shared', 'tools', 'score.py')


def _embedded():
    """An equivalent of shared/tools/score.py's matching functions."""
    class M:
        pass
    m = M()

    def stem(d):
        d = os.path.basename(str(d))
        d = d.split(':')[0] if re.search(r'\.jsonl?:\d+$', d) else d
        return d[:-4] if d.endswith('.txt') else d

    def norm(s):
        s = unicodedata.normalize('NFKC', s or '')
        s = s.replace('\u2019', "'").replace('\u2018', "'").replace('\u201c', '"').replace('\u201d', '"')
        s = re.sub(r'[^\w%/]+', ' ', s.lower())
        return re.sub(r'\s+', ' ', s).strip()

    honorifics = {'sir', 'cllr', 'councillor', 'dr', 'mr', 'mrs', 'ms', 'miss', 'dame', 'lord', 'lady',
                  'professor', 'prof'}

    def surname(s):
        toks = [t for t in norm(s).split() if t not in honorifics]
        return toks[-1] if toks else ''

    def fnum(x):
        return None if x is None else round(float(x), 2)

    def rating_key(r):
        return (r.get('grade'), r.get('count'), fnum(r.get('share')))

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def quote_match(g, s):
        gt, st = norm(g.get('text')), norm(s.get('text'))
        if not gt or not st:
            return False
        return gt[:30] in st or st[:30] in gt

    def speaker_ok(g, s):
        gs, ss = g.get('speaker') or '', s.get('speaker') or ''
        if not gs:
            return not ss
        if not ss:
            return False
        a, b = surname(gs), surname(ss)
        if a and a == b:
            return True
        stop = {'a', 'an', 'the', 'spokesman', 'spokeswoman', 'spokesperson', 'for', 'of', 'and', 's'}
        ga = set(norm(gs).split()) - stop
        sa = set(norm(ss).split()) | set(norm(s.get('speaker_org') or '').split())
        return bool(ga & sa)

    for f in (stem, norm, surname, fnum, rating_key, prf, quote_match, speaker_ok):
        setattr(m, f.__name__, f)
    m.score = None
    return m


def _load_matcher():
    if os.path.isfile(SCORE_PY):
        try:
            spec = importlib.util.spec_from_file_location('inspex_score', SCORE_PY)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            needed = ('stem', 'norm', 'rating_key', 'prf', 'quote_match', 'speaker_ok', 'score')
            if all(hasattr(mod, n) for n in needed):
                return mod, SCORE_PY
        except Exception as e:  # a broken scorer must not break the suite
            print(f'# note: cannot import {SCORE_PY} ({e}); using the embedded matcher')
    return _embedded(), 'embedded copy'


S, SOURCE = _load_matcher()
TYPES = ('rating', 'council', 'council_rating', 'quote')
passed = failed = 0


def ok(msg):
    global passed
    passed += 1
    print('ok   ' + msg)


def fail(msg):
    global failed
    failed += 1
    print('FAIL ' + msg)


gaps = 0


def gap(msg):
    global gaps
    gaps += 1
    print('gap  ' + msg)


def miss(x, msg):
    """A missed expected record: a failure, or a known gap."""
    if x.get('known_gap'):
        gap(f'{msg} (known: {x["known_gap"]})')
    else:
        fail(msg)


def hit(x, msg):
    ok(msg + (' (known gap closed: drop the mark)' if x.get('known_gap') else ''))


def load_jsonl(path, strict):
    out = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                if strict:
                    fail(f'{path}:{n}: not JSON ({e})')
    return out


def short(s, n=70):
    s = (s or '').replace('\n', ' ')
    return s if len(s) <= n else s[:n - 1] + '…'


def compare_doc(name, exp, sysrecs, known=()):
    """One document: every expected record passes or fails, every extra fails
    (unless `known` lists it as a known wrong record)."""
    E, Y = defaultdict(list), defaultdict(list)
    K = {'rating': {S.rating_key(k) for k in known if k.get('type') == 'rating'},
         'council': {S.norm(k.get('name')) for k in known if k.get('type') == 'council'},
         'council_rating': {(S.norm(k.get('council')), k.get('grade')) for k in known
                            if k.get('type') == 'council_rating'},
         'quote': {S.norm(k.get('text')) for k in known if k.get('type') == 'quote'}}

    seen = set()

    def extra(t, key, msg):
        if key in K.get(t, ()):
            seen.add((t, key))
            gap(msg + ' (known extra)')
        else:
            fail(msg)
    for r in exp:
        E[r.get('type')].append(r)
    for r in sysrecs:
        Y[r.get('type')].append(r)
    for t in E:
        if t not in TYPES:
            fail(f'{name}: expected record of unknown type {t!r}')

    # ratings: a set of (grade, count, share)
    g, s = {}, {}
    for x in E['rating']:
        g.setdefault(S.rating_key(x), x)
    for y in Y['rating']:
        s.setdefault(S.rating_key(y), y)
    for k, x in g.items():
        if k in s:
            hit(x, f'{name}: rating {k}')
            if x.get('total') is not None:
                tots = sorted({y.get('total') for y in Y['rating'] if S.rating_key(y) == k}, key=str)
                if x['total'] not in tots:
                    print(f'     note {name}: rating {k}: total should be {x["total"]}, got {tots}')
        else:
            miss(x, f'{name}: rating missed {k} "{short(x.get("evidence"))}"')
    for k, y in s.items():
        if k not in g:
            extra('rating', k, f'{name}: rating extra {k} "{short(y.get("evidence"))}" [{y.get("rule")}]')

    # councils: by name
    g = {S.norm(x.get('name')): x for x in E['council']}
    s = {S.norm(y.get('name')): y for y in Y['council']}
    for k, x in sorted(g.items()):
        if k in s:
            hit(x, f'{name}: council {x["name"]}')
        else:
            miss(x, f'{name}: council missed {x["name"]}')
    for k, y in sorted(s.items()):
        if k not in g:
            extra('council', k, f'{name}: council extra {y.get("name")} "{short(y.get("evidence"), 40)}" at {y.get("span")}')

    # council ratings: by (council, grade)
    g = {(S.norm(x.get('council')), x.get('grade')): x for x in E['council_rating']}
    s = {(S.norm(y.get('council')), y.get('grade')): y for y in Y['council_rating']}
    for k, x in sorted(g.items()):
        if k in s:
            hit(x, f'{name}: council_rating {x["council"]} {x["grade"]}')
        else:
            miss(x, f'{name}: council_rating missed {x["council"]} {x["grade"]} ({x.get("judgement")})')
    for k, y in sorted(s.items()):
        if k not in g:
            extra('council_rating', k, f'{name}: council_rating extra {y.get("council")} {y.get("grade")} "{short(y.get("evidence"))}"')

    # quotes: text, then speaker (greedy, in order, as score.py does)
    used = set()
    sq = Y['quote']
    for x in E['quote']:
        found = next((i for i, y in enumerate(sq) if i not in used and S.quote_match(x, y)), None)
        if found is None:
            miss(x, f'{name}: quote missed [{x.get("speaker")}] "{short(x.get("text"), 60)}"')
            continue
        used.add(found)
        y = sq[found]
        if S.speaker_ok(x, y):
            hit(x, f'{name}: quote [{x.get("speaker")}] "{short(x.get("text"), 50)}"')
        else:
            miss(x, f'{name}: quote speaker {y.get("speaker")!r} should be {x.get("speaker")!r}: '
                 f'"{short(x.get("text"), 50)}"')
    for i, y in enumerate(sq):
        if i not in used:
            extra('quote', S.norm(y.get('text')), f'{name}: quote extra [{y.get("speaker")}] "{short(y.get("text"), 60)}"')
    # a known extra inspex no longer makes: its mark would hide its return
    for t in sorted(K):
        for key in sorted(K[t] - {k for (tt, k) in seen if tt == t}, key=str):
            print(f'     note {name}: known {t} extra {key} is no longer made: drop the mark')


def table(title, res):
    print(f'# {title}')
    print(f'#   {"type":15s} {"P":>6s} {"R":>6s} {"F1":>6s}   tp  fp  fn')
    fs = []
    for k in ('rating', 'council', 'council_rating', 'quote', 'quote+speaker'):
        if k not in res:
            continue
        tp, fp, fn = res[k]
        p, r, f = S.prf(tp, fp, fn)
        if k != 'quote':
            fs.append(f)
        print(f'#   {k:15s} {p:6.3f} {r:6.3f} {f:6.3f}  {tp:3d} {fp:3d} {fn:3d}')
    if 'rating_total_acc' in res:
        a, n = res['rating_total_acc']
        print(f'#   rating total accuracy {a}/{n}')
    if fs:
        print(f'#   macro-F1 {sum(fs) / len(fs):.3f}')


def score_all(gold, system):
    """P/R/F1 counts per type: score.py's own score() when imported, else the
    same counts computed here."""
    if getattr(S, 'score', None):
        import contextlib
        import io
        with contextlib.redirect_stdout(io.StringIO()):
            return S.score(gold, system)
    docs = {S.stem(g['doc']) for g in gold}
    G, Y = defaultdict(list), defaultdict(list)
    for g in gold:
        G[(g['type'], S.stem(g['doc']))].append(g)
    for y in system:
        d = S.stem(y.get('doc', ''))
        if d in docs and y.get('type') in TYPES:
            Y[(y['type'], d)].append(y)
    res = {}
    for t, key in (('council', lambda x: S.norm(x.get('name'))),
                   ('council_rating', lambda x: (S.norm(x.get('council')), x.get('grade')))):
        tp = fp = fn = 0
        for d in docs:
            g = {key(x) for x in G[(t, d)]}
            s = {key(x) for x in Y[(t, d)]}
            tp += len(g & s); fp += len(s - g); fn += len(g - s)
        res[t] = (tp, fp, fn)
    tp = fp = fn = tot_ok = tot_n = 0
    for d in docs:
        g = {}
        for x in G[('rating', d)]:
            g.setdefault(S.rating_key(x), x)
        s = {S.rating_key(y) for y in Y[('rating', d)]}
        for k, x in g.items():
            if k in s:
                tp += 1
                if x.get('total') is not None:
                    tot_n += 1
                    tot_ok += any(y.get('total') == x['total'] for y in Y[('rating', d)] if S.rating_key(y) == k)
            else:
                fn += 1
        fp += len(s - set(g))
    res['rating'] = (tp, fp, fn)
    res['rating_total_acc'] = (tot_ok, tot_n)
    tp = fp = fn = sp = 0
    for d in docs:
        used = set()
        sq = Y[('quote', d)]
        for x in G[('quote', d)]:
            hit = next((i for i, y in enumerate(sq) if i not in used and S.quote_match(x, y)), None)
            if hit is None:
                fn += 1
            else:
                used.add(hit); tp += 1; sp += S.speaker_ok(x, sq[hit])
        fp += len(sq) - len(used)
    res['quote'] = (tp, fp, fn)
    res['quote+speaker'] = (sp, fp + (tp - sp), fn + (tp - sp))
    return res


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    if len(args) < 2:
        sys.exit(__doc__)
    corpus, records = args[0], args[1]
    print(f'# matching with {SOURCE}')
    system = load_jsonl(records, strict=True)
    by_doc = defaultdict(list)
    docrec = {}
    for r in system:
        d = S.stem(r.get('doc', ''))
        if r.get('type') in ('doc', 'error'):
            docrec[d] = r
        else:
            by_doc[d].append(r)
    names = sorted(f[:-len('.expected.jsonl')] for f in os.listdir(corpus) if f.endswith('.expected.jsonl'))
    gold_all = []
    known = defaultdict(list)
    kpath = os.path.join(corpus, 'known_extras.jsonl')
    if os.path.isfile(kpath):
        for k in load_jsonl(kpath, strict=True):
            known[S.stem(k.get('doc', ''))].append(k)
    for name in names:
        if not os.path.isfile(os.path.join(corpus, name + '.txt')):
            fail(f'{name}: expected file without {name}.txt')
            continue
        exp = load_jsonl(os.path.join(corpus, name + '.expected.jsonl'), strict=True)
        for x in exp:
            if S.stem(x.get('doc', '')) != name:
                fail(f'{name}: expected record names doc {x.get("doc")!r}')
                x['doc'] = name
        gold_all += exp
        d = docrec.get(name)
        if d is None or d.get('type') != 'doc':
            fail(f'{name}: no doc record ({d.get("error") if d else "document not in the output"})')
        compare_doc(name, exp, by_doc.get(name, []), known.get(name, []))
    if not names:
        fail(f'{corpus}: no *.expected.jsonl files')
    table(f'corpus: {len(names)} documents, per-type scores', score_all(gold_all, system))
    if '--seeds' in argv:
        i = argv.index('--seeds')
        try:
            seed_sys, seed_gold = argv[i + 1], argv[i + 2]
            table('seeds (information only)', score_all(load_jsonl(seed_gold, False), load_jsonl(seed_sys, False)))
        except (IndexError, OSError) as e:
            print(f'# seeds not scored: {e}')
    if gaps:
        print(f'# {gaps} known gaps (see the `gap` lines): not failures, not passes')
    print(f'{passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
