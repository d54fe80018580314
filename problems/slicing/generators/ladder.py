#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for slicing: the size ladder of the complexity estimate.

Run from anywhere: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is len(items). Every rung has the same shape:
items[None:SIZE*SIZE//8:1] on SIZE random integers in [-1000, 10000], so the result is the whole
list. The stop lies far beyond the end and grows with SIZE, quadratically: the two naive
solutions are slow for different reasons, and this shape makes both reasons grow with SIZE.
Building the result with result = result + [x] copies O(k^2) elements for a k = n element
result; walking every index up to an unclamped stop costs O(stop) = O(n^2) here (on its own it
is linear in the stop, not in the list). Clamping the stop and walking the list is O(n).
Sizes double from 750 to 96000: within the statement's bounds (len(items) <= 10^5, |stop| <=
10^18), and every rung is checked by input_validators/validate.py.
"""
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
SEED = 2031
SIZES = [750, 1500, 3000, 6000, 12000, 24000, 48000, 96000]


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        items = [rng.randint(-1000, 10000) for _ in range(n)]
        args = [items, None, n * n // 8, 1]
        path = os.path.join(out, "n%d.in" % n)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(args, separators=(",", ":")) + "\n")
        with open(path, "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True)
        if v.returncode != 42:
            sys.exit("validator rejected %s: %s" % (path, v.stderr.decode()))


if __name__ == "__main__":
    main()
