#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for sort-dict: the size ladder of the complexity estimate.

Run from anywhere: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is len(d). Every rung has the same shape as
secret/20-max-random: SIZE distinct random keys of 3 to 6 ASCII letters, digits, "_", "-" and
spaces, inserted in random order, with random values in [-10^6, 10^6] (so ties are rare). A
selection sort or a repeated min() costs O(n^2) whatever the order; one sort is O(n log n).
Sizes double from 375 to 48000 entries: within the statement's bounds (at most 10^5 entries,
keys of 0 to 20 characters, |value| <= 10^18), and every rung is checked by
input_validators/validate.py.
"""
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
SEED = 2030
SIZES = [375, 750, 1500, 3000, 6000, 12000, 24000, 48000]
KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_- "


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        d = {}
        while len(d) < n:
            k = "".join(rng.choice(KEY_CHARS) for _ in range(rng.randint(3, 6)))
            if k not in d:
                d[k] = rng.randint(-10 ** 6, 10 ** 6)
        path = os.path.join(out, "n%d.in" % n)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps([d], separators=(",", ":")) + "\n")
        with open(path, "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True)
        if v.returncode != 42:
            sys.exit("validator rejected %s: %s" % (path, v.stderr.decode()))


if __name__ == "__main__":
    main()
