#!/bin/sh
# Pathological inputs run in linear time: instructions counted with
# callgrind at N and 2N bytes (tests/robust/linear.py).
# 20 KB, not 10: jemalloc copies a buffer that grows past 16 KB into its
# first large size class (below that it grows in place), a one-off step
# that made 10 -> 20 KB look like x2.4 while 20 -> 40 KB is x1.85.
exec python3 tests/robust/linear.py 20000
