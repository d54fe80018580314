#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for reverse-lines: the size ladder of the complexity estimate.

Run from anywhere: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is the number of lines. Every rung has the same
shape: SIZE lines of 0 to 16 random printable ASCII characters and tabs (8 on average), the
last one ending in "\\n", so the input's bytes grow in proportion to its lines. Prepending each
line to the answer built so far copies O(lines * bytes) = O(n^2) characters; reading, reversing
and joining is O(n). Sizes double from 1500 to 96000 lines (under 1 MB): within the statement's
bounds (at most 10^5 lines and 8*10^6 bytes, no "\\r"), and every rung is checked by
input_validators/validate.py.
"""
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
SEED = 2029
SIZES = [1500, 3000, 6000, 12000, 24000, 48000, 96000]
ALPHABET = "".join(chr(c) for c in range(32, 127)) + "\t"
MAX_LEN = 16


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        lines = ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, MAX_LEN)))
                 for _ in range(n)]
        path = os.path.join(out, "n%d.in" % n)
        with open(path, "wb") as f:
            f.write(("\n".join(lines) + "\n").encode("utf-8"))
        with open(path, "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True)
        if v.returncode != 42:
            sys.exit("validator rejected %s: %s" % (path, v.stderr.decode()))


if __name__ == "__main__":
    main()
