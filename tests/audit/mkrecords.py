#!/usr/bin/env python3
"""mkrecords.py — hand-written records for audit tests, with real provenance.

usage: mkrecords.py TEXT SPEC [--title | --title=TEXT]
       mkrecords.py --batch JOBS     (each line: TEXT SPEC OUT [--title...])

TEXT is an article file (its path is written as the doc's id and source, as
given). SPEC is JSON Lines: one record per line without "doc", "span" or
"evidence" but with "find": the text the record's span covers (its first
occurrence, or the "nth" one counting from 0). The doc record (sha256,
bytes, encoding) and each record's span/evidence are computed from the
file's bytes, so the records pass the provenance checks and the tests can
exercise the checks between figures. --title takes the first line as the
title (the headline); --title=TEXT gives it. --batch runs many jobs in one
process (Python starts slowly on a busy machine). Writes JSON Lines on stdout.
"""
import hashlib
import json
import shlex
import sys


def records(text_path, spec_path, opts):
    raw = open(text_path, "rb").read()
    try:
        text, enc = raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = raw.decode("cp1252", errors="replace"), "windows-1252"
    codec = "utf-8" if enc == "utf-8" else "cp1252"
    doc = {"type": "doc", "doc": text_path, "source": text_path,
           "sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw),
           "encoding": enc, "title": None, "date": None, "warnings": []}
    for arg in opts:
        if arg == "--title":
            doc["title"] = text.lstrip("\ufeff").split("\n", 1)[0].strip()
        elif arg.startswith("--title="):
            doc["title"] = arg[len("--title="):]
    out = [doc]
    for line in open(spec_path, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        find = r.pop("find")
        nth = r.pop("nth", 0)
        at = -1
        for _ in range(nth + 1):
            at = text.find(find, at + 1)
            if at < 0:
                sys.exit("mkrecords: %r not found in %s" % (find, text_path))
        a = len(text[:at].encode(codec, errors="replace"))
        b = a + len(find.encode(codec, errors="replace"))
        rec = {"type": r.pop("type"), "doc": text_path}
        rec.update(r)
        rec["span"] = [a, b]
        rec["evidence"] = find
        out.append(rec)
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out)


def main():
    if sys.argv[1] == "--batch":
        for line in open(sys.argv[2], encoding="utf-8"):
            job = shlex.split(line)
            if job:
                with open(job[2], "w", encoding="utf-8") as f:
                    f.write(records(job[0], job[1], job[3:]))
    else:
        sys.stdout.write(records(sys.argv[1], sys.argv[2], sys.argv[3:]))


if __name__ == "__main__":
    main()
