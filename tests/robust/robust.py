#!/usr/bin/env python3
"""tests/robust/robust.py — the robustness suites of inspex (issue 6).

    robust.py GROUP...

Groups:
    bad      broken and hostile documents, one at a time between two good
             ones: expected record and message, exit status, no crash or
             hang, and the good documents' records byte-identical to a run
             without the bad one
    compressed  truncated and corrupt gzip/zstd, gzip bombs (text and dump)
    output   -o temp file + rename, full disk, closed pipe, file-size limit,
             SIGINT: clear message, right exit status, never a partial line
    regex    a deliberately catastrophic rule: a warning, not a hang
    big      the full-size inputs (100 MB line, 10 M quote marks): make test-big

Every input is generated here or by gen.py; nothing is a committed blob.

Environment:
    INSPEX          the binary (default ./inspex)
    INSPEX_WRAP     a command prefix, e.g. "valgrind -q --error-exitcode=99"
    ROBUST_TIMEOUT  seconds allowed per run (default 60; 600 when wrapped)

Prints "ok ..."/"not ok ..." per check and the closing "N passed, N failed".
"""
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402

INSPEX = os.path.abspath(os.environ.get("INSPEX", os.path.join(ROOT, "inspex")))
WRAP = shlex.split(os.environ.get("INSPEX_WRAP", ""))
TIMEOUT = float(os.environ.get("ROBUST_TIMEOUT", "600" if WRAP else "60"))
PATTERNS = os.path.join(ROOT, "patterns")

try:
    with open(INSPEX, "rb") as _f:
        _bin = _f.read()
    SANITIZED = b"__asan_init" in _bin or b"__ubsan_handle" in _bin
except OSError:
    SANITIZED = False
# Memory is measured only for a plain binary (ASan and valgrind add their
# own), with GNU time: a child forked by this (large) Python process would
# report Python's peak as its own (Linux keeps the pre-exec high-water mark).
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
MEASURE_MEMORY = not WRAP and not SANITIZED and GNU_TIME is not None

npass = nfail = 0


def check(cond, what, detail=""):
    global npass, nfail
    if cond:
        npass += 1
        print("ok", what)
    else:
        nfail += 1
        print("not ok", what + (": " + detail if detail else ""))
    sys.stdout.flush()
    return cond


class Run:
    """One finished inspex run: rc, out (bytes), err (str), rss_kb, secs."""

    def __init__(self, rc, out, err, rss_kb, secs, timed_out):
        self.rc, self.out, self.err = rc, out, err
        self.rss_kb, self.secs, self.timed_out = rss_kb, secs, timed_out

    def lines(self):
        return self.out.split(b"\n")[:-1] if self.out.endswith(b"\n") else self.out.split(b"\n")

    def records(self):
        return [json.loads(x) for x in self.lines() if x]


SAN_MARKERS = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
               "Invalid read", "Invalid write", "uninitialised", "definitely lost")


def run(args, cwd=None, stdin=None, stdout_path=None, timeout=None, preexec=None, env=None, wrap=True):
    """Runs inspex ARGS; stdout to a file (returned as bytes unless stdout_path
    is given), stderr captured; waits with wait4 for the exit status and the
    peak memory; kills it after `timeout` seconds."""
    timeout = timeout or TIMEOUT
    tmp = tempfile.mkdtemp(prefix="inspex-run.")
    try:
        outp = stdout_path or os.path.join(tmp, "out")
        errp = os.path.join(tmp, "err")
        cmd = (WRAP if wrap else []) + [INSPEX] + list(args)
        rssp = os.path.join(tmp, "rss")
        if MEASURE_MEMORY and wrap:
            cmd = [GNU_TIME, "-f", "%M", "-o", rssp] + cmd
        t0 = time.monotonic()
        with open(outp, "wb") as fo, open(errp, "wb") as fe:
            p = subprocess.Popen(cmd, cwd=cwd, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                                 stdout=fo, stderr=fe, preexec_fn=preexec, env=env)
            timed_out = False
            while True:
                pid, status, ru = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    break
                if time.monotonic() - t0 > timeout:
                    p.kill()
                    timed_out = True
                    pid, status, ru = os.wait4(p.pid, 0)
                    break
                time.sleep(0.005)
            p.returncode = 0     # reaped here; keep Popen from waiting again
        rc = os.waitstatus_to_exitcode(status)
        rss_kb = ru.ru_maxrss
        if os.path.exists(rssp):
            lines = [x for x in open(rssp).read().split("\n") if x.strip().isdigit()]
            if lines:
                rss_kb = int(lines[-1])
            if rc > 128 and "terminated by signal" in open(rssp).read():
                rc = -(rc - 128)           # GNU time reports a signal death as 128+N
        out = b"" if stdout_path else open(outp, "rb").read()
        err = open(errp, "rb").read().decode("utf-8", "replace")
        return Run(rc, out, err, rss_kb, time.monotonic() - t0, timed_out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def clean_run(r, what):
    """No crash, no hang, no sanitizer or valgrind report."""
    ok = check(not r.timed_out, what + ": finishes within %gs" % TIMEOUT, "killed after %.1fs" % r.secs)
    bad = [m for m in SAN_MARKERS if m in r.err]
    ok &= check(not bad and r.rc >= 0, what + ": no crash or memory error",
                "rc %d; %s" % (r.rc, r.err[-800:]))
    return ok


def decode(data, enc):
    return data.decode("cp1252" if enc == "windows-1252" else "utf-8", "replace")


def check_spans(recs, docs, what):
    """Every span lies inside its document and evidence is the bytes there
    decoded with the document's encoding (SCHEMA.md)."""
    enc = {r["doc"]: r.get("encoding") for r in recs if r["type"] == "doc"}
    bad = []
    for r in recs:
        if "span" not in r or r["doc"] not in docs:
            continue
        a, b = r["span"]
        data = docs[r["doc"]]
        if not (0 <= a <= b <= len(data)):
            bad.append("%s span %s outside %d bytes" % (r["type"], r["span"], len(data)))
        elif "evidence" in r and decode(data[a:b], enc.get(r["doc"])) != r["evidence"]:
            bad.append("%s evidence %r != bytes %r" % (r["type"], r["evidence"][:60], data[a:b][:60]))
    check(not bad, what + ": spans inside the bytes, evidence matches", "; ".join(bad[:3]))


def by_doc(run_, doc):
    """The output lines (bytes) of one document."""
    out = []
    for line in run_.lines():
        if line and json.loads(line)["doc"] == doc:
            out.append(line)
    return out


def well_formed(r, what):
    ok = check(r.out == b"" or r.out.endswith(b"\n"), what + ": output ends with a whole line")
    try:
        r.records()
    except ValueError as e:
        ok = check(False, what + ": every output line is JSON", str(e))
    return ok


# ---------------------------------------------------------------------------
# bad inputs


GOOD1, GOOD2 = "00-good-first.txt", "zz-good-last.txt"


def isolated(d, bad_args, what, expect_rc, extra=(), docs=None):
    """Runs GOOD1 BAD... GOOD2 and checks status, shape and that the good
    documents' records equal those of a run without the bad ones."""
    base = run(["extract", GOOD1, GOOD2] + list(extra), cwd=d) if extra else BASE[d]
    r = run(["extract", GOOD1] + list(bad_args) + [GOOD2] + list(extra), cwd=d)
    clean_run(r, what)
    check(r.rc == expect_rc, what + ": exit status %d" % expect_rc, "got %d; stderr %s" % (r.rc, r.err[-300:]))
    well_formed(r, what)
    for g in (GOOD1, GOOD2):
        check(by_doc(r, g) == by_doc(base, g), what + ": records of %s unchanged" % g)
    if docs is not None:
        check_spans(r.records(), docs, what)
    return r


BASE = {}


def first_record(r, doc):
    for rec in r.records():
        if rec["doc"] == doc:
            return rec
    return None


def expect_doc(r, doc, what, encoding=None, warning=None, no_warnings=False, only_doc=False):
    rec = first_record(r, doc)
    if not check(rec is not None and rec["type"] == "doc", what + ": a doc record", repr(rec)[:300]):
        return rec
    if encoding:
        check(rec.get("encoding") == encoding, what + ": encoding " + encoding, str(rec.get("encoding")))
    if warning:
        check(any(warning in w for w in rec.get("warnings", [])), what + ": warning '%s'" % warning,
              repr(rec.get("warnings")))
    if no_warnings:
        check(rec.get("warnings") == [], what + ": no warnings", repr(rec.get("warnings")))
    if only_doc:
        others = [x["type"] for x in r.records() if x["doc"] == doc][1:]
        check(others == [], what + ": no other records", repr(others))
    return rec


def expect_error(r, doc, what, message):
    rec = first_record(r, doc)
    check(rec is not None and rec["type"] == "error" and message in rec.get("error", ""),
          what + ": error record '%s'" % message, repr(rec)[:300])
    check(("inspex: %s: " % doc) in r.err and message in r.err, what + ": stderr names the document",
          r.err[-300:])


def group_bad(big=False):
    d = tempfile.mkdtemp(prefix="inspex-bad.")
    try:
        docs = gen.bad_inputs(d)
        BASE[d] = run(["extract", GOOD1, GOOD2], cwd=d)
        check(BASE[d].rc == 0 and len(BASE[d].records()) >= 3, "baseline: the two good documents",
              BASE[d].err[-300:])
        good_sent = first_record(BASE[d], GOOD1)["sentences"]

        def text_case(name, rc, **kw):
            what = name
            r = isolated(d, [name], what, rc, docs=docs)
            return r

        # invalid UTF-8 next to valid multi-byte text: U+FFFD, warning with the offset
        for name, needle in (("bad-utf8-overlong.txt", b"\xc0"), ("bad-utf8-surrogate.txt", b"\xed\xa0"),
                             ("bad-utf8-truncated.txt", b"\xe2\x80")):
            r = text_case(name, 0)
            expect_doc(r, name, name, encoding="utf-8",
                       warning="invalid UTF-8 at byte %d" % docs[name].rindex(needle))
            if name != "bad-utf8-truncated.txt":
                check(any(x["type"] == "council" for x in r.records() if x["doc"] == name),
                      name + ": the council after the bad bytes is still found")
        for name in ("cp1252.txt", "latin1.txt"):
            r = text_case(name, 0)
            expect_doc(r, name, name, encoding="windows-1252", warning="decoded as Windows-1252")
        for name in ("utf16le-bom.txt", "utf16be-bom.txt"):
            r = text_case(name, 1)
            expect_error(r, name, name, "UTF-16 text (byte-order mark")
        r = text_case("nul-bytes.txt", 0)
        expect_doc(r, "nul-bytes.txt", "nul-bytes.txt", warning="NUL bytes in text (first at byte 4")
        r = text_case("binary.txt", 1)
        expect_error(r, "binary.txt", "binary.txt", "binary data, not text")
        r = text_case("utf8-bom.txt", 0)
        rec = expect_doc(r, "utf8-bom.txt", "utf8-bom.txt", encoding="utf-8", no_warnings=True)
        c = [x for x in r.records() if x["doc"] == "utf8-bom.txt" and x["type"] == "council"]
        check(c and c[0]["span"][0] == 3, "utf8-bom.txt: spans count the BOM's 3 bytes", repr(c[:1]))
        for name in ("crlf.txt", "lone-cr.txt"):
            r = text_case(name, 0)
            rec = expect_doc(r, name, name, no_warnings=True)
            check(rec and rec["sentences"] == good_sent, name + ": same sentences as with LF line ends",
                  "%s vs %s" % (rec and rec["sentences"], good_sent))
        for name in ("only-digits.txt", "only-punct.txt"):
            r = text_case(name, 0)
            expect_doc(r, name, name, no_warnings=True, only_doc=True)
        r = text_case("empty.txt", 0)
        expect_doc(r, "empty.txt", "empty.txt", warning="empty document", only_doc=True)
        r = text_case("only-space.txt", 0)
        rec = expect_doc(r, "only-space.txt", "only-space.txt", only_doc=True)
        check(rec and rec["sentences"] == 0, "only-space.txt: no sentences")

        # large and pathological documents (moderate sizes here; `big` has the full ones)
        line_mb = 100 if big else 2
        name = "long-line.txt"
        unit = b"Rotherham was rated inadequate and word "
        data = unit * (line_mb * 1000 * 1000 // len(unit))
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        what = "%d MB single line" % line_mb
        r = isolated(d, [name], what + " (default limit)", 1 if big else 0)
        if big:
            expect_error(r, name, what + " over the default 64 MB", "over --max-doc-bytes 67108864; skipped")
            r = isolated(d, [name], what + " with --max-doc-bytes 128M", 0, extra=["--max-doc-bytes", "128M"])
        else:
            docs[name] = data
            check_spans(r.records(), {name: data}, what)
        rec = expect_doc(r, name, what, warning="bytes at byte 0): rules searched only its first 96 KB")
        w = rec.get("warnings", []) if rec else []
        check(len([x for x in w if "rules searched only" in x]) == 1, what + ": one long-text warning", repr(w)[:300])
        if big:   # over 4 MiB: extracted in parts, and memory is the document plus one part's working set
            check(any("extracted in 24 parts" in x for x in w) and len(w) == 3, what + ": split in parts, said once",
                  repr(w)[:300])
            # 2.5 million mentions of one council: the record lists the first 10,000 and says so
            c = [x for x in r.records() if x["type"] == "council" and x["doc"] == name]
            check(len(c) == 1 and len(c[0]["mentions"]) == 10000 and c[0]["mentions"] == sorted(c[0]["mentions"]),
                  what + ": one council record, 10,000 mentions", repr([len(x["mentions"]) for x in c]))
            check(any("more than 10000 mentions; only the first 10000 are listed" in x for x in w),
                  what + ": the cut mention list is reported", repr(w)[:300])
            memory_bound(r, len(data), what, tight=True)
        else:   # 50,000 mentions of one council: the list is cut, and the doc record says so
            check(len(w) == 2 and any("more than 10000 mentions; only the first 10000 are listed" in x for x in w),
                  what + ": the long-text and mention-list warnings", repr(w)[:300])
            memory_bound(r, len(data), what)
        r = isolated(d, [name], what + " over --max-doc-bytes 1M", 1, extra=["--max-doc-bytes", "1M"])
        expect_error(r, name, what + " over --max-doc-bytes 1M", "over --max-doc-bytes 1048576; skipped")

        for name, data, what in (
                ("quotes.txt", b'"' * (10_000_000 if big else 1_000_000), "%s quote marks" % ("10 M" if big else "1 M")),
                ("nested-quotes.txt", "\u201ca \u2018b ".encode() * 100_000 + "\u2019\u201d".encode() * 50_000,
                 "100,000 nested, unbalanced quotes"),
                ("said-quotes.txt", b'"Yes," he said. "No," she said. "' * 30_000, "30,000 attributed quotes, one unclosed"),
                ("zalgo.txt", b"a" + "\u0300\u0316".encode() * 200_000, "400,000 combining marks on one letter"),
                ("many-paragraphs.txt", b"Salary: 30000 per annum\n" * 40_000, "40,000 boilerplate lines in one block"),
                ("many-councils.txt", b"In Bury it rains. " * 2_000, "2,000 weak council mentions")):
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
            r = isolated(d, [name], what, 0)
            expect_doc(r, name, what)
            check_spans(r.records(), {name: data}, what)
            memory_bound(r, len(data), what)
    finally:
        shutil.rmtree(d, ignore_errors=True)


def memory_bound(r, nbytes, what, tight=False):
    """Peak memory within 12 times the document plus 64 MB (a plain build);
    tight: the document plus 64 MB (a document over the 4 MiB part size)."""
    if not MEASURE_MEMORY:
        return
    limit_kb = ((1 if tight else 12) * nbytes + 64 * 1024 * 1024) // 1024
    check(r.rss_kb <= limit_kb, what + ": peak memory %d MB within %d MB" % (r.rss_kb // 1024, limit_kb // 1024))


def group_files():
    """Folder walks and files that cannot be read."""
    d = tempfile.mkdtemp(prefix="inspex-files.")
    try:
        gen.bad_inputs(d)
        BASE[d] = run(["extract", GOOD1, GOOD2], cwd=d)
        w = os.path.join(d, "walk")
        os.makedirs(os.path.join(w, "sub"))
        shutil.copy(os.path.join(d, GOOD1), os.path.join(w, "a.txt"))
        shutil.copy(os.path.join(d, GOOD2), os.path.join(w, "sub", "b.txt"))
        os.symlink("..", os.path.join(w, "sub", "loop"))
        base_walk = run(["extract", "walk"], cwd=d)

        def walk_case(what, make, message, expect_rc=1, doc=None):
            make()
            r = run(["extract", GOOD1, "walk", GOOD2], cwd=d)
            clean_run(r, what)
            check(r.rc == expect_rc, what + ": exit status %d" % expect_rc, "got %d: %s" % (r.rc, r.err[-300:]))
            well_formed(r, what)
            for g in (GOOD1, GOOD2):
                check(by_doc(r, g) == by_doc(BASE[d], g), what + ": records of %s unchanged" % g)
            for g in ("walk/a.txt", "walk/sub/b.txt"):
                check(by_doc(r, g) == by_doc(base_walk, g), what + ": records of %s unchanged" % g)
            if doc:
                expect_error(r, doc, what, message)
            return r

        check(base_walk.rc == 1, "folder loop via a symbolic link: exit status 1")
        expect_error(base_walk, "walk/sub/loop", "folder loop via a symbolic link",
                     "folder already walked as walk (a symbolic-link loop")
        check(len([x for x in base_walk.records() if x["type"] == "doc"]) == 2,
              "folder loop: each file read once")

        walk_case("dangling symbolic link", lambda: os.symlink("nowhere.txt", os.path.join(w, "dangling.txt")),
                  "a symbolic link to nothing", doc="walk/dangling.txt")
        walk_case("symbolic-link cycle", lambda: (os.symlink("c2.txt", os.path.join(w, "c1.txt")),
                                                  os.symlink("c1.txt", os.path.join(w, "c2.txt"))),
                  "Too many levels of symbolic links", doc="walk/c1.txt")
        walk_case("named pipe in a folder (no writer: must not hang)", lambda: os.mkfifo(os.path.join(w, "fifo.txt")),
                  "not a regular file (a named pipe): skipped", doc="walk/fifo.txt")
        walk_case("device in a folder", lambda: os.symlink("/dev/zero", os.path.join(w, "zero.txt")),
                  "not a regular file (a device): skipped", doc="walk/zero.txt")

        if os.path.exists("/proc/self/mem"):
            r = isolated(d, ["/proc/self/mem"], "unreadable file (read error: /proc/self/mem)", 1)
            expect_error(r, "/proc/self/mem", "unreadable file (read error)", "read error: Input/output error")

        r = isolated(d, ["no-such-file.txt"], "missing file", 1)
        expect_error(r, "no-such-file.txt", "missing file", "cannot open: No such file or directory")
        r = isolated(d, ["/dev/zero"], "endless device given by name", 1, extra=["--max-doc-bytes", "1M"])
        expect_error(r, "/dev/zero", "endless device given by name", "over --max-doc-bytes 1048576; skipped")

        # Permission denied: root reads anything, so run as `nobody`.
        setpriv = shutil.which("setpriv")
        if os.geteuid() == 0 and setpriv:
            os.chmod(d, 0o755)
            os.chmod(os.path.join(d, "walk"), 0o755)
            p = os.path.join(d, "secret.txt")
            shutil.copy(os.path.join(d, GOOD1), p)
            os.chmod(p, 0)
            os.makedirs(os.path.join(d, "locked"))
            os.chmod(os.path.join(d, "locked"), 0)
            for f in os.listdir(d):
                if f.endswith(".txt") and f != "secret.txt":
                    os.chmod(os.path.join(d, f), 0o644)
            nobody = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
            old_wrap = list(WRAP)
            WRAP[:] = nobody + old_wrap
            try:
                base_n = run(["extract", GOOD1, GOOD2], cwd=d)
                r = run(["extract", GOOD1, "secret.txt", "locked", GOOD2], cwd=d)
            finally:
                WRAP[:] = old_wrap
            clean_run(r, "unreadable file and folder (as nobody)")
            check(r.rc == 1, "unreadable file and folder (as nobody): exit status 1", r.err[-300:])
            expect_error(r, "secret.txt", "unreadable file (as nobody)", "cannot open: Permission denied")
            expect_error(r, "locked", "unreadable folder (as nobody)", "cannot read folder: Permission denied")
            for g in (GOOD1, GOOD2):
                check(by_doc(r, g) == by_doc(base_n, g) and by_doc(r, g),
                      "unreadable file (as nobody): records of %s unchanged" % g)
        else:
            print("# skipped: the permission-denied case needs root and setpriv")

        # Files that vanish mid-run: an LD_PRELOAD shim removes any file whose
        # name holds VANISH the moment inspex opens it, after the folder walk
        # listed and stat'ed it (the window a crawler's clean-up job races).
        shim = os.path.join(d, "vanish.so")
        cc = os.environ.get("CC", "cc")
        built = subprocess.run([cc, "-shared", "-fPIC", "-O1", "-o", shim, os.path.join(HERE, "vanish.c"), "-ldl"],
                               capture_output=True, text=True)
        if check(built.returncode == 0, "vanish shim builds", built.stderr[-300:]):
            shutil.copy(os.path.join(d, GOOD1), os.path.join(w, "m-VANISH.txt"))
            env = dict(os.environ)
            env["LD_PRELOAD"] = shim + (":" + env["LD_PRELOAD"] if env.get("LD_PRELOAD") else "")
            env["ASAN_OPTIONS"] = env.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"
            r = run(["extract", GOOD1, "walk", GOOD2], cwd=d, env=env)
            clean_run(r, "file vanishing after the folder walk listed it")
            check(r.rc == 1, "file vanishing: exit status 1", r.err[-300:])
            expect_error(r, "walk/m-VANISH.txt", "file vanishing", "vanished before it could be read")
            check(not os.path.exists(os.path.join(w, "m-VANISH.txt")), "file vanishing: the shim removed it")
            for g in (GOOD1, GOOD2):
                check(by_doc(r, g) == by_doc(BASE[d], g), "file vanishing: records of %s unchanged" % g)
    finally:
        subprocess.run(["chmod", "-R", "u+rwx", d], capture_output=True)
        shutil.rmtree(d, ignore_errors=True)


def group_jsonl():
    """Broken JSON Lines dumps: each bad line becomes an error record named
    DUMP:LINE; the good records are unchanged (compared with a dump where
    the bad lines are blank, so line numbers stay the same)."""
    d = tempfile.mkdtemp(prefix="inspex-jsonl.")
    try:
        good = lambda i: json.dumps({"id": "good-%d" % i, "title": "T%d" % i, "text": gen.OK_TEXT})
        # (line, message, doc id: the record's id when it has one)
        bad = [
            ('{"id": "trunc", "text": "Rotherham was', "malformed JSON Lines record", None),
            ("[1, 2, 3]", "JSON Lines record is not an object", None),
            ('"just a string"', "JSON Lines record is not an object", None),
            ('{"id": "num", "text": 42}', 'field "text" is not text, not a string', "num"),
            ('{"id": "null", "text": null}', 'field "text" is null, not a string', "null"),
            ('{"id": "missing", "body": "x"}', 'field "text" is missing, not a string', "missing"),
            ('{"url": "https://x.example/a", "text": ["a"]}', 'field "text" is not text, not a string',
             "https://x.example/a"),
            ("\x00\x01\x02 binary junk", "malformed JSON Lines record", None),
        ]
        lines, blanks = [], []
        for i, (b, _, _) in enumerate(bad):
            lines += [good(i), b]
            blanks += [good(i), ""]
        last_bad = '{"id": "cut", "text": "no final newline'
        with open(os.path.join(d, "dump.jsonl"), "w") as f:
            f.write("\n".join(lines + [good(99), last_bad]))
        os.mkdir(os.path.join(d, "base"))
        with open(os.path.join(d, "base", "dump.jsonl"), "w") as f:
            f.write("\n".join(blanks + [good(99), ""]) + "\n")
        base = run(["extract", "dump.jsonl"], cwd=os.path.join(d, "base"))
        r = run(["extract", "dump.jsonl"], cwd=d)
        what = "JSON Lines dump with broken lines"
        clean_run(r, what)
        check(r.rc == 1, what + ": exit status 1")
        well_formed(r, what)
        base_recs = [x for x in base.records()]
        got_good = [x for x in r.records() if x["doc"].startswith("good-")]
        check(got_good == base_recs and len(base_recs) >= 9, what + ": good records unchanged",
              "%d vs %d" % (len(got_good), len(base_recs)))
        for i, (b, msg, doc) in enumerate(bad):
            expect_error(r, doc or "dump.jsonl:%d" % (2 * i + 2), what + " line %d" % (2 * i + 2), msg)
            if doc:
                rec = first_record(r, doc)
                check(rec and rec["source"] == "dump.jsonl:%d" % (2 * i + 2), what + " line %d: source" % (2 * i + 2))
        expect_error(r, "dump.jsonl:%d" % (2 * len(bad) + 2), what + " last line",
                     "truncated JSON Lines record (no final newline)")
        # A dump line far over the limit is skipped without being parsed.
        with open(os.path.join(d, "huge.jsonl"), "w") as f:
            f.write(good(1) + "\n" + json.dumps({"id": "huge", "text": "x" * 3_000_000}) + "\n" + good(2) + "\n")
        r = run(["extract", "--max-doc-bytes", "100k", "huge.jsonl"], cwd=d)
        clean_run(r, "dump line over the limit")
        check(r.rc == 1, "dump line over the limit: exit status 1")
        expect_error(r, "huge.jsonl:2", "dump line over the limit", "(--max-doc-bytes); skipped")
        check([x["doc"] for x in r.records() if x["type"] == "doc"] == ["good-1", "good-2"],
              "dump line over the limit: the records around it are read")
        memory_bound(r, 0, "dump line over the limit (not held in memory)")
        # The text field over the limit, line within the line cap.
        r = run(["extract", "--max-doc-bytes", "1M", "huge.jsonl"], cwd=d)
        expect_error(r, "huge", "dump text over --max-doc-bytes", "is over --max-doc-bytes 1048576; skipped")
    finally:
        shutil.rmtree(d, ignore_errors=True)


def group_compressed():
    """Broken and hostile compressed input (compress.c): truncated and
    corrupt gzip and zstd, a gzip bomb (200 MB of zeros in 200 KB) as a
    text and inside a dump line."""
    import gzip
    d = tempfile.mkdtemp(prefix="inspex-z.")
    try:
        gen.bad_inputs(d)
        BASE[d] = run(["extract", GOOD1, GOOD2], cwd=d)
        ok = gzip.compress(gen.OK_TEXT.encode())
        cases = [("truncated.txt.gz", ok[:len(ok) // 2], "truncated gzip data"),
                 ("corrupt.txt.gz", ok[:12] + b"garbage, not deflate" * 3, "corrupt gzip data")]
        zstd = shutil.which("zstd")
        if zstd:
            z = subprocess.run([zstd, "-q", "-c"], input=gen.OK_TEXT.encode(), capture_output=True).stdout
            cases += [("truncated.txt.zst", z[:len(z) // 2], "truncated zstd data"),
                      ("corrupt.txt.zst", z[:4] + b"\xff" * 40, "zstd data")]
        for name, data, msg in cases:
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
            r = isolated(d, [name], name, 1)
            expect_error(r, name, name, msg)
        bomb = gzip.compress(b"\0" * (200 << 20), compresslevel=9)
        with open(os.path.join(d, "bomb.txt.gz"), "wb") as f:
            f.write(bomb)
        r = isolated(d, ["bomb.txt.gz"], "gzip bomb (%d KB -> 200 MB)" % (len(bomb) >> 10), 1)
        expect_error(r, "bomb.txt.gz", "gzip bomb", "over --max-doc-bytes 67108864; skipped")
        memory_bound(r, 8 << 20, "gzip bomb (memory as for an 8 MB document)")
        line = (json.dumps({"id": "bomb", "text": "x" * (50 << 20)}) + "\n").encode()
        with open(os.path.join(d, "bomb.jsonl.gz"), "wb") as f:
            f.write(gzip.compress(json.dumps({"id": "g1", "text": gen.OK_TEXT}).encode() + b"\n" + line +
                                  json.dumps({"id": "g2", "text": gen.OK_TEXT}).encode() + b"\n", compresslevel=9))
        r = run(["extract", "--max-doc-bytes", "1M", "bomb.jsonl.gz"], cwd=d)
        clean_run(r, "gzip dump with a 50 MB line")
        check(r.rc == 1, "gzip dump with a 50 MB line: exit status 1", r.err[-300:])
        expect_error(r, "bomb.jsonl.gz:2", "gzip dump with a 50 MB line", "(--max-doc-bytes); skipped")
        check([x["doc"] for x in r.records() if x["type"] == "doc"] == ["g1", "g2"],
              "gzip dump with a 50 MB line: the records around it are read")
        memory_bound(r, 8 << 20, "gzip dump with a 50 MB line (memory as for an 8 MB document)")
    finally:
        shutil.rmtree(d, ignore_errors=True)


# ---------------------------------------------------------------------------
# output safety


def group_output():
    d = tempfile.mkdtemp(prefix="inspex-out.")
    try:
        gen.bad_inputs(d)
        full = run(["extract", GOOD1, GOOD2], cwd=d)
        # -o: temp file renamed into place; nothing left behind
        r = run(["extract", GOOD1, GOOD2, "-o", "out.jsonl"], cwd=d)
        check(r.rc == 0 and open(os.path.join(d, "out.jsonl"), "rb").read() == full.out,
              "-o FILE: same bytes as standard output", r.err)
        check(not [f for f in os.listdir(d) if ".tmp." in f], "-o FILE: no temporary file left")
        r = run(["extract", GOOD1, "utf16le-bom.txt", GOOD2, "-o", "out2.jsonl"], cwd=d)
        check(r.rc == 1 and os.path.exists(os.path.join(d, "out2.jsonl")),
              "-o FILE with a bad document: written (exit 1)")
        os.mkdir(os.path.join(d, "adir"))
        r = run(["extract", GOOD1, "-o", "adir"], cwd=d)
        check(r.rc == 3 and "adir" in r.err, "-o onto a folder: exit 3 with a message", "%d %s" % (r.rc, r.err))
        check(not [f for f in os.listdir(d) if ".tmp." in f], "-o onto a folder: temporary file removed")
        r = run(["extract", GOOD1, "-o", "no/such/dir/out.jsonl"], cwd=d)
        check(r.rc == 3 and "cannot write no/such/dir/out.jsonl" in r.err, "-o into a missing folder: exit 3",
              r.err)

        # many documents, for outputs larger than pipe and chunk buffers
        with open(os.path.join(d, "many.jsonl"), "w") as f:
            for i in range(1500):
                f.write(json.dumps({"id": "d%04d" % i, "text": gen.OK_TEXT}) + "\n")
        many = run(["extract", "many.jsonl"], cwd=d)
        check(many.rc == 0 and len(many.out) > 400_000, "1,500-document dump: baseline")

        # full disk
        if os.path.exists("/dev/full"):
            for jobs in ("1", "2"):
                r = run(["extract", "-j", jobs, "many.jsonl"], cwd=d, stdout_path="/dev/full")
                clean_run(r, "full disk (/dev/full, -j %s)" % jobs)
                check(r.rc == 3 and "No space left on device" in r.err, "full disk (-j %s): exit 3, clear message" % jobs,
                      "%d %s" % (r.rc, r.err[-300:]))
            # A device is written directly: a temporary file renamed over
            # it would replace the device itself (as root it can).
            r = run(["extract", os.path.join(d, "many.jsonl"), "-o", "/dev/full"], cwd=d)
            check(r.rc == 3 and "No space left on device" in r.err, "-o /dev/full: written directly, exit 3",
                  "%d %s" % (r.rc, r.err))
            check(os.path.exists("/dev/full") and not os.path.isfile("/dev/full"), "-o /dev/full: still a device")

        # file-size limit: the file ends with a whole record line
        limit = 100_000
        outp = os.path.join(d, "limited.jsonl")
        import resource
        r = run(["extract", "many.jsonl"], cwd=d, stdout_path=outp,
                preexec=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)))
        clean_run(r, "file-size limit")
        check(r.rc == 3 and "File too large" in r.err, "file-size limit: exit 3, clear message (not killed)",
              "%d %s" % (r.rc, r.err[-300:]))
        got = open(outp, "rb").read()
        check(len(got) <= limit and got.endswith(b"\n"), "file-size limit: the file ends with a whole line",
              "%d bytes, ends %r" % (len(got), got[-20:]))
        full_lines = many.lines()
        gl = got.split(b"\n")[:-1]
        check(gl == full_lines[:len(gl)] and (len(gl) == len(full_lines) or
                                                json.loads(full_lines[len(gl)])["type"] in ("doc", "error")),
              "file-size limit: the file holds whole documents, a prefix of the full output")

        # closed pipe: a clear message and exit 3, not a silent SIGPIPE death
        for jobs in ("1", "2"):
            cmd = WRAP + [INSPEX, "extract", "-j", jobs, "many.jsonl"]
            p = subprocess.Popen(cmd, cwd=d, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            first = p.stdout.readline()
            p.stdout.close()
            try:
                err = p.stderr.read().decode()
                rc = p.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                p.kill()
                rc, err = -9, "timeout"
            what = "closed pipe (| head -1, -j %s)" % jobs
            check(rc == 3 and "broken pipe" in err, what + ": exit 3 with a message", "%d %s" % (rc, err[-300:]))
            check(json.loads(first)["type"] == "doc", what + ": the line read is a whole record")

        # SIGINT: stop after the current document, everything so far intact.
        # 16 documents are processed and written; then inspex blocks opening
        # a named pipe given as the next input; we interrupt it there, then
        # feed the pipe: that document (the one in progress) is finished and
        # the two after it are not read.
        for i in range(20):
            shutil.copy(os.path.join(d, GOOD1), os.path.join(d, "s%02d.txt" % i))
        first16 = ["s%02d.txt" % i for i in range(16)]
        bdir = os.path.join(d, "sigbase")
        os.mkdir(bdir)
        for f in first16:
            shutil.copy(os.path.join(d, f), os.path.join(bdir, f))
        for variant in ("stdout", "-o", "-j2"):
            fname = "fifo-%s.txt" % variant.strip("-")
            with open(os.path.join(bdir, fname), "w") as f:
                f.write(gen.OK_TEXT)
            base16 = run(["extract"] + first16 + [fname], cwd=bdir)
            fifo = os.path.join(d, fname)
            os.mkfifo(fifo)
            args = ["extract"] + first16 + [os.path.basename(fifo), "s16.txt", "s17.txt"]
            outp = os.path.join(d, "int-%s.jsonl" % variant.strip("-"))
            if variant == "-o":
                with open(os.path.join(d, "kept.jsonl"), "w") as f:
                    f.write("OLD\n")
                args += ["-o", "kept.jsonl"]
            if variant == "-j2":
                args += ["-j", "2"]
            with open(outp, "wb") as fo, open(outp + ".err", "wb") as fe:
                p = subprocess.Popen(WRAP + [INSPEX] + args, cwd=d, stdout=fo, stderr=fe)
                wfd = os.open(fifo, os.O_WRONLY)       # returns once inspex opened it
                time.sleep(0.2)
                p.send_signal(signal.SIGINT)
                time.sleep(0.2)
                os.write(wfd, gen.OK_TEXT.encode())
                os.close(wfd)
                try:
                    rc = p.wait(timeout=TIMEOUT)
                except subprocess.TimeoutExpired:
                    p.kill()
                    rc = -9
            err = open(outp + ".err").read()
            what = "SIGINT (%s)" % variant
            check(rc == 130 and "interrupted" in err, what + ": exit 130 with a message", "%d %s" % (rc, err[-300:]))
            if variant != "-o":
                got = open(outp, "rb").read()
            else:
                check(open(os.path.join(d, "kept.jsonl")).read() == "OLD\n", what + ": FILE left as it was")
                got = open(os.path.join(d, "kept.jsonl.partial"), "rb").read()
                check(not [f for f in os.listdir(d) if ".tmp." in f], what + ": no temporary file left")
            check(got == base16.out and len(base16.out) > 0,
                  what + ": the 16 documents before it and the one in progress, whole; none after",
                  "%d vs %d bytes" % (len(got), len(base16.out)))
    finally:
        shutil.rmtree(d, ignore_errors=True)


# ---------------------------------------------------------------------------
# regex safety


def group_regex():
    d = tempfile.mkdtemp(prefix="inspex-regex.")
    try:
        gen.bad_inputs(d)
        pat = os.path.join(d, "patterns")
        shutil.copytree(PATTERNS, pat)
        with open(os.path.join(pat, "zz-catastrophic.pat"), "w") as f:
            f.write("# A rule with catastrophic backtracking, for the regex-safety test.\n"
                    "family boilerplate\n\nrule nested-plus\n  match ^(a+)+$\n\n"
                    "family rating\n\nrule nested-plus-rating\n  match (?<count>(?:\\w+\\s?)+)+!$\n")
        name = "catastrophic.txt"
        data = b"Rotherham was rated inadequate.\n\n" + (b"a" * 40 + b"b\n\n") * 2000 + \
            (b"word " * 30 + b"?\n\n") * 200
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
        base = run(["extract", GOOD1, GOOD2], cwd=d)
        r = run(["extract", "--patterns", pat, GOOD1, name, GOOD2], cwd=d)
        what = "catastrophic rule"
        clean_run(r, what)
        check(r.rc == 0, what + ": exit status 0 (a warning, not an error)", "%d %s" % (r.rc, r.err[-300:]))
        for g in (GOOD1, GOOD2):
            check(by_doc(r, g) == by_doc(base, g), what + ": records of %s unchanged" % g)
        rec = expect_doc(r, name, what, warning="rule zz-catastrophic/nested-plus hit the PCRE2 match limit at byte 33")
        expect_doc(r, name, what, warning="rule zz-catastrophic/nested-plus hit the PCRE2 match limit 8 times; "
                                          "not run on the rest of this document")
        check(any(x["type"] == "council" for x in r.records() if x["doc"] == name),
              what + ": the document's other records are still made")
        if rec is not None:
            print("# %s: warnings %s; %.2fs" % (what, rec.get("warnings"), r.secs))
    finally:
        shutil.rmtree(d, ignore_errors=True)


def main(argv):
    groups = argv[1:] or ["bad", "files", "jsonl", "compressed", "output", "regex"]
    if not os.access(INSPEX, os.X_OK):
        print("not ok: no inspex binary at %s (run make)" % INSPEX)
        print("0 passed, 1 failed")
        return 1
    for g in groups:
        print("# group", g)
        if g == "big":
            group_bad(big=True)
        else:
            globals()["group_" + g]()
    print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
