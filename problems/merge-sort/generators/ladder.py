#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for merge-sort: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Seeded, so re-running gives the same files. Each rung is random integers (the same kind of input
at every size, so only the size changes); sizes double over 128x: a naive O(n^2) sort runs out of budget after four or five rungs, a good
one reaches the sizes where its work, not the ~10 ms a run costs anyway, decides its time.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 2026
SIZES = [1000, 2000, 4000, 8000, 16000, 32000, 64000, 128000]


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        items = [rng.randint(-10 ** 9, 10 ** 9) for _ in range(n)]
        with open(os.path.join(out, "n%d.in" % n), "w") as f:
            f.write(json.dumps([items], separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
