#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for contains-substring: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is the haystack's length n; the needle grows
with it, n/10 long. Every rung has the same shape, the worst case for comparing the needle at
every position: the haystack is one letter repeated, the needle is that letter repeated followed
by one other letter, so every position matches all but the needle's last character and the
answer is False. The letter pair is drawn from the seeded generator per rung, from the Cyrillic
lowercase letters: two bytes each in memory (so the slicing search copies and compares twice as
many bytes as with ASCII, which lifts its square above the noise) and two in the UTF-8 file (the
file size, ~1.4 MB for ladder/, not the statement, bounds the sizes). The naive searches do
(n - n/10) * n/10 comparisons, O(n^2); KMP, Z and Rabin-Karp are O(n).
Sizes double from 2500 to 320000 (needle 250 to 32000), within the statement's bounds
(len(haystack) <= 10^6, len(needle) <= 10^5); the pure-Python naive loop runs out of budget
after four rungs, the C-speed slicing one needs the upper rungs to show its square.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 2031
CYRILLIC = [chr(c) for c in range(0x430, 0x450)]  # а..я, U+0430..U+044F
SIZES = [2500, 5000, 10000, 20000, 40000, 80000, 160000, 320000]


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        fill, last = rng.sample(CYRILLIC, 2)
        m = n // 10
        haystack = fill * n
        needle = fill * (m - 1) + last
        with open(os.path.join(out, "n%d.in" % n), "w", encoding="utf-8") as f:
            f.write(json.dumps([haystack, needle], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
