#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for two-sum: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Seeded, so re-running gives the same files. Every rung has the same shape: distinct values, the
only pair summing to the target at the very end (the worst case for trying pairs in order).
The first n-2 values are multiples of 4, the last two are 1 mod 4 and the target is 2 mod 4, so
no other pair can sum to it. Within the statement's bounds (n <= 10^5, |values| <= 10^9).
"""
import json
import os
import random

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 2027
SIZES = [500, 1000, 2000, 4000, 8000, 16000, 32000, 64000]


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        body = [4 * k for k in rng.sample(range(-2 * 10 ** 8, 2 * 10 ** 8), n - 2)]
        a, b = 4 * rng.randrange(-10 ** 8, 10 ** 8) + 1, 4 * rng.randrange(-10 ** 8, 10 ** 8) + 1
        nums = body + [a, b]
        target = a + b
        assert target % 4 == 2 and len(set(nums)) == n
        with open(os.path.join(out, "n%d.in" % n), "w") as f:
            f.write(json.dumps([nums, target], separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
