#!/bin/sh
# Robustness (issue 6): broken and hostile documents, folder walks and
# unreadable files, broken JSON Lines dumps, output safety (full disk,
# closed pipe, file-size limit, SIGINT, -o), a catastrophic rule.
# The inputs are generated (tests/robust/gen.py); see tests/robust/robust.py.
# INSPEX_WRAP="valgrind ..." runs every inspex under a wrapper
# (make valgrind-robust).
exec python3 tests/robust/robust.py bad files jsonl compressed output regex
