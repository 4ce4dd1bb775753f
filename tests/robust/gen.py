#!/usr/bin/env python3
"""tests/robust/gen.py — generates the hostile and broken inputs of the
robustness suites, so no blob is committed.

    gen.py list                     names of the pathological generators
    gen.py path NAME N FILE         writes pathological input NAME at size ~N bytes
    gen.py bad DIR                  writes the bad-input documents into DIR

Pathological inputs (cmark-style) are the same pattern repeated; each
takes a size N in bytes and is used at N and 2N by the linearity test.
"""
import os
import sys

OK_TEXT = ("Rotherham Council was rated inadequate by Ofsted in 2014.\n\n"
           "Seven authorities were found to be inadequate, the report said.\n")


def rep(unit, n, head=b"", tail=b""):
    k = max(1, (n - len(head) - len(tail)) // len(unit))
    return head + unit * k + tail


def counted(unit, n, start=21):
    """unit % k for k = start, start + 1, ... up to ~n bytes: the same
    sentence with a different figure each time (each one its own fact)."""
    out, k = [], start
    size = 0
    while size < n:
        piece = (unit % k).encode()
        out.append(piece)
        size += len(piece)
        k += 1
    return b"".join(out)


# name -> (description, function(n) -> bytes)
PATHOLOGICAL = {
    "quotes": ("straight double quote marks", lambda n: rep(b'"', n)),
    "curly-open": ("opening curly quotes, never closed", lambda n: rep("\u201c".encode(), n)),
    "nested-quotes": ("nested, unbalanced quotes with words", lambda n: rep("\u201ca \u2018b ".encode(), n)),
    "quote-said": ("quotes with speech verbs", lambda n: rep(b'"Yes," he said. ', n)),
    "apostrophes": ("single quotes and apostrophes", lambda n: rep(b"'a' ", n)),
    "one-line": ("one long line of words, no full stop", lambda n: rep(b"word ", n)),
    "one-word": ("one word of letters", lambda n: rep(b"a", n)),
    "sentences": ("many short sentences", lambda n: rep(b"A b. ", n)),
    "initials": ("initials and abbreviations", lambda n: rep(b"Mr. J. ", n)),
    "paragraphs": ("many one-word paragraphs", lambda n: rep(b"x\n", n)),
    "blank-lines": ("many blank lines", lambda n: rep(b"x\n\n", n)),
    "cr-only": ("lone CR line ends", lambda n: rep(b"a b\r", n)),
    "crlf": ("CRLF line ends", lambda n: rep(b"a b\r\n", n)),
    "link-starts": ("unterminated link annotations", lambda n: rep(b"<https://a", n)),
    "links": ("link annotations", lambda n: rep(b"<https://example.org/x> ", n)),
    "digits": ("only digits", lambda n: rep(b"1234567890", n)),
    "number-run": ("one number with separators", lambda n: rep(b"1,", n, tail=b"1")),
    "punct": ("only punctuation", lambda n: rep(b"!?.,;:-()", n)),
    "dots": ("full stops", lambda n: rep(b".", n)),
    "councils": ("a council name repeated", lambda n: rep(b"Rotherham ", n)),
    "weak-councils": ("a weak council name repeated", lambda n: rep(b"Bury ", n)),
    "weak-unsupported": ("a weak council name, never supported", lambda n: rep(b"At Bury. ", n)),
    "reading-unsupported": ("a place-like council name, never supported", lambda n: rep(b"At Reading. ", n)),
    "council-sentences": ("sentences naming councils", lambda n: rep(b"Kent was rated good. ", n)),
    "ratings": ("rating phrases", lambda n: rep(b"Seven authorities were rated inadequate. ", n)),
    "distinct-ratings": ("rating phrases, each with its own figure",
                         lambda n: counted("%d authorities were rated inadequate. ", n)),
    "boilerplate": ("boilerplate lines in one block", lambda n: rep(b"Salary: 30000 per annum\n", n)),
    "zalgo": ("combining marks on one letter", lambda n: rep("\u0300\u0316".encode(), n, head=b"a")),
    "cp1252": ("Windows-1252 bytes", lambda n: rep(b"caf\xe9 \x93q\x94 ", n)),
    "bad-utf8": ("invalid UTF-8 among valid", lambda n: rep(b"\xc3\xa9\xff ", n)),
    "nbsp": ("no-break spaces", lambda n: rep("a\u00a0".encode(), n)),
    "dates": ("datelines", lambda n: rep(b"28 June 2016 ", n)),
}


def bad_inputs(d):
    """The bad-input documents, as name -> bytes (written into d)."""
    docs = {
        "00-good-first.txt": OK_TEXT.encode(),
        "bad-utf8-overlong.txt": b"Caf\xc3\xa9 overlong \xc0\xaf slash. " + OK_TEXT.encode(),
        "bad-utf8-surrogate.txt": b"Caf\xc3\xa9 surrogate \xed\xa0\x80 here. " + OK_TEXT.encode(),
        "bad-utf8-truncated.txt": b"Caf\xc3\xa9. " + OK_TEXT.encode() + b"truncated \xe2\x80",
        "cp1252.txt": b"Caf\xe9 \x93quoted\x94 \x96 dash. " + OK_TEXT.encode(),
        "latin1.txt": b"Se\xf1or Mu\xf1oz said caf\xe9 na\xefve. " + OK_TEXT.encode(),
        "utf16le-bom.txt": "\ufeffRotherham was rated inadequate.\n".encode("utf-16-le"),
        "utf16be-bom.txt": "\ufeffRotherham was rated inadequate.\n".encode("utf-16-be"),
        "nul-bytes.txt": b"Some\x00 text\x00 with NULs. " + OK_TEXT.encode(),
        "binary.txt": bytes(range(256)) * 8,
        "utf8-bom.txt": b"\xef\xbb\xbf" + OK_TEXT.encode(),
        "crlf.txt": OK_TEXT.replace("\n", "\r\n").encode(),
        "lone-cr.txt": OK_TEXT.replace("\n", "\r").encode(),
        "only-digits.txt": b"0123456789" * 100,
        "only-punct.txt": b"!?.,;:-()[]{}'\"" * 100,
        "empty.txt": b"",
        "only-space.txt": b" \n\t\r\n  \n",
        "zz-good-last.txt": OK_TEXT.encode(),
    }
    for name, data in docs.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    return docs


def main(argv):
    if len(argv) >= 2 and argv[1] == "list":
        for k, (desc, _) in PATHOLOGICAL.items():
            print(k + "\t" + desc)
    elif len(argv) == 5 and argv[1] == "path":
        data = PATHOLOGICAL[argv[2]][1](int(argv[3]))
        with open(argv[4], "wb") as f:
            f.write(data)
    elif len(argv) == 3 and argv[1] == "bad":
        bad_inputs(argv[2])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
