#!/usr/bin/env python3
"""tests/robust/linear.py — pathological inputs run in linear time.

Each generator of gen.py (cmark-style: one pattern repeated) makes an
input of N and of 2N bytes; both go through ONE run of inspex under
callgrind, which counts the instructions of every ix_extract call
separately (--toggle-collect=ix_extract --dump-after=ix_extract). Linear
work doubles with the input; quadratic work quadruples. A ratio above
MAX_RATIO fails. Instructions, not seconds: the count does not depend on
the machine's load.

    linear.py [--all] [N]    (default N = 20000 bytes)

HEAVY generators drive rules whose every window search is expensive (each
costs minutes under callgrind); they run only with --all (make test-big).

Cases listed in XFAIL are known quadratic in code this suite may not
change; they are measured and reported but do not fail (an XPASS says
the entry can go).
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402

INSPEX = os.path.abspath(os.environ.get("INSPEX", os.path.join(ROOT, "inspex")))
MAX_RATIO = 2.3   # linear cases measure 1.97-2.04
# Known quadratic cases, measured but not failed. None left: the council
# extractor's support check and mention look-ups became linear.
XFAIL = set()   # the council cases were made linear (binary-searched mentions, per-row support)
# With --all these run at a larger N, where their quadratic part shows:
# council-sentences calls ix_ctx_mentions_in (a scan of every mention) for
# every match, x2.6 per doubling natively from 200 KB on.
# The HEAVY ones run at 6000 bytes (three 2 KB windows, already past the
# quadratic regime inside one window) to keep test-big within minutes.
# distinct-ratings likewise: the council-rating extractor looked for the
# figures of the sentence before at every sentence (x2.8 per doubling from
# 200 KB, linear at 20 KB).
SIZES_ALL = {"council-sentences": 200000, "distinct-ratings": 200000, "initials": 6000, "councils": 6000}
# Linear, but ~1 s per 20 KB natively with the council_rating rules'
# unbounded {CNAME} (see the report of issue 6): too slow for make test.
HEAVY = {"initials", "weak-councils", "councils"}
# Even at 6000 bytes weak-councils costs 56 G instructions under callgrind
# (x2.13 measured: linear); left out of --all too, to keep test-big short.
SKIP = {"weak-councils"}


def main(argv):
    every = "--all" in argv
    argv = [a for a in argv if a != "--all"]
    n = int(argv[1]) if len(argv) > 1 else 20000
    if not shutil.which("valgrind"):
        print("# valgrind not installed: skipped")
        print("0 passed, 0 failed")
        return 0
    with open(INSPEX, "rb") as fh:
        binary = fh.read()
    if b"__asan_init" in binary or b"__ubsan_handle" in binary:
        print("# a sanitizer build cannot run under valgrind: skipped (make test runs it)")
        print("0 passed, 0 failed")
        return 0
    d = tempfile.mkdtemp(prefix="inspex-linear.")
    try:
        names = [g for g in gen.PATHOLOGICAL if g not in SKIP and (every or g not in HEAVY)]
        if not every:
            print("# not run here (make test-big runs them): " + ", ".join(sorted(HEAVY)))
        files = []
        for i, g in enumerate(names):
            gn = SIZES_ALL.get(g, n) if every else n
            for k, size in ((1, gn), (2, 2 * gn)):
                f = os.path.join(d, "%03d-%s-%d.txt" % (i, g, k))
                with open(f, "wb") as fh:
                    fh.write(gen.PATHOLOGICAL[g][1](size))
                files.append(f)
        out = os.path.join(d, "cg.out")
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
               "--toggle-collect=ix_extract", "--dump-after=ix_extract",
               INSPEX, "extract", "--max-doc-bytes", "0"] + files
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        dumps = sorted(glob.glob(out + ".*"), key=lambda p: int(p.rsplit(".", 1)[1]))
        counts = []
        for p in dumps:
            with open(p) as fh:
                for line in fh:
                    if line.startswith("summary:") or line.startswith("totals:"):
                        counts.append(int(line.split()[1]))
                        break
        npass = nfail = 0
        if len(counts) != len(files):
            print("not ok: %d callgrind dumps for %d documents (rc %d): %s" %
                  (len(counts), len(files), r.returncode, r.stderr[-500:]))
            print("0 passed, 1 failed")
            return 1
        for i, g in enumerate(names):
            a, b = counts[2 * i], counts[2 * i + 1]
            ratio = b / a if a else float("inf")
            desc = gen.PATHOLOGICAL[g][0]
            line = "%s (%s): %d -> %d instructions, x%.2f for twice the input" % (g, desc, a, b, ratio)
            if ratio <= MAX_RATIO:
                if g in XFAIL:
                    print("ok XPASS (remove from XFAIL)", line)
                else:
                    print("ok", line)
                npass += 1
            elif g in XFAIL:
                print("ok # XFAIL known quadratic:", line)
                npass += 1
            else:
                print("not ok", line)
                nfail += 1
        print("%d passed, %d failed" % (npass, nfail))
        return 1 if nfail else 0
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
