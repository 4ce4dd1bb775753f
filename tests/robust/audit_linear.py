#!/usr/bin/env python3
"""tests/robust/audit_linear.py — `inspex audit` grows linearly with the
number of documents that give the same figure.

N, 2N and 4N documents (default N = 200) repeat one figure for one period:
the cross-document agreement check sees one set of 4N figures. Each audit
runs under callgrind; the instructions it takes beyond the smallest run
must double, not quadruple: (I(4N) - I(2N)) / (I(2N) - I(N)) at most
MAX_RATIO. Instructions, not seconds: the count does not depend on the
machine's load. (Comparing every figure with every other document, as the
check once did, measured 2.8 here; the value-class count measures 2.0.)

    audit_linear.py [N]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INSPEX = os.path.abspath(os.environ.get("INSPEX", os.path.join(ROOT, "inspex")))
MAX_RATIO = 2.3


def instructions(records, cwd):
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          INSPEX, "audit", "--quiet", records], cwd=cwd, capture_output=True, text=True)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if not m:
        raise SystemExit("no callgrind count:\n" + out.stderr[-2000:])
    return int(m.group(1))


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 200
    if not shutil.which("valgrind"):
        print("# valgrind not installed: skipped")
        print("0 passed, 0 failed")
        return 0
    d = tempfile.mkdtemp(prefix="inspex-audit-linear.")
    try:
        os.mkdir(os.path.join(d, "docs"))
        for i in range(4 * n):
            with open(os.path.join(d, "docs", "%05d.txt" % i), "w") as f:
                f.write("Round-up number %d\n\nOf the 43 councils inspected in 2013/14, seven were judged "
                        "inadequate, 26 require improvement and ten were good.\n" % i)
        with open(os.path.join(d, "all.jsonl"), "w") as f:
            subprocess.run([INSPEX, "extract", "docs"], cwd=d, stdout=f, check=True)
        # each document's records are consecutive: its first k documents are a prefix
        lines = open(os.path.join(d, "all.jsonl")).read().splitlines(True)
        starts = [i for i, l in enumerate(lines) if '"type":"doc"' in l] + [len(lines)]
        counts = []
        for k in (n, 2 * n, 4 * n):
            name = "first%d.jsonl" % k
            with open(os.path.join(d, name), "w") as f:
                f.writelines(lines[:starts[k]])
            counts.append(instructions(name, d))
        ratio = (counts[2] - counts[1]) / max(1, counts[1] - counts[0])
        print("# audit of %d, %d, %d documents: %s instructions; growth ratio %.2f (linear 2, quadratic 4)"
              % (n, 2 * n, 4 * n, ", ".join(str(c) for c in counts), ratio))
        ok = ratio <= MAX_RATIO
        print("%s audit grows linearly with the documents of one figure" % ("ok" if ok else "not ok"))
        print("%d passed, %d failed" % (ok, not ok))
        return 0 if ok else 1
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
