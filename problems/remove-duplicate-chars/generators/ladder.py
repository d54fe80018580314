#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for remove-duplicate-chars: the size ladder of the complexity estimate.

Run from anywhere: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is len(s). Every rung has the same shape: SIZE
characters drawn at random from a pool of SIZE/2 code points of the supplementary planes
(U+10000..U+10FFFF, 4 bytes each in UTF-8, so the whole ladder stays under 2 MB), which gives
about 0.43*SIZE distinct characters, first occurrences spread over the whole string. The number
k of distinct characters grows with n, so the naive solutions are O(n*k) = O(n^2): `c not in
result` scans the result (up to k characters) for each character, s.index(c) scans s up to the
first c for each distinct c; a set or dict.fromkeys stays O(n). Sizes double from 3125 to
200000: within the statement's bounds (len(s) <= 10^6, hundreds of thousands of distinct
characters allowed, no surrogates), and every rung is checked by input_validators/validate.py.
"""
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
SEED = 2028
SIZES = [3125, 6250, 12500, 25000, 50000, 100000, 200000]
ASTRAL = range(0x10000, 0x110000)


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        pool = [chr(c) for c in rng.sample(ASTRAL, n // 2)]
        s = "".join(rng.choice(pool) for _ in range(n))
        path = os.path.join(out, "n%d.in" % n)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps([s], ensure_ascii=False) + "\n")
        with open(path, "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True)
        if v.returncode != 42:
            sys.exit("validator rejected %s: %s" % (path, v.stderr.decode()))


if __name__ == "__main__":
    main()
