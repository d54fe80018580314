#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for merge-sorted-lists: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is the total length n of the two lists: every
rung is two sorted lists of n/2 random values each from [0, 10^6) (the same kind of input at
every size; values of at most 6 digits keep the files small), randomly interleaved, so a solution
that inserts each node of one list by walking the other from its head takes O(n^2) while a merge
takes O(n). n doubles from 500 to 64000 (the naive one runs out of budget after five rungs):
within the statement's bounds (each list at most 10^5 long, values in [-10^9, 10^9],
non-decreasing).
"""
import json
import os
import random

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 4104
SIZES = [500 * 2 ** k for k in range(8)]  # 500 .. 64000


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        lists = [sorted(rng.randrange(10 ** 6) for _ in range(n // 2)) for _ in range(2)]
        with open(os.path.join(out, "n%d.in" % n), "w") as f:
            f.write(json.dumps(lists, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
