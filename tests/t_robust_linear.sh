#!/bin/sh
# Pathological inputs run in linear time: instructions counted with
# callgrind at N and 2N bytes (tests/robust/linear.py).
exec python3 tests/robust/linear.py 10000
