#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for palindrome: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is the length of the one line (T = 1): each
rung is a single palindrome of random lowercase letters, the worst case for the two-pointer
check (it walks to the middle) and the same kind of input at every size, so only the length
changes. Sizes double from 8000 to 512000, within the statement's bounds (T <= 10^4, input
<= 2*10^6 characters); 512000 keeps ladder/ near 1 MB. prepend_reverse.py builds the reversed
line by prepending (O(n^2)); the accepted ones are O(n).
"""
import os
import random
import string

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 2029
SIZES = [8000, 16000, 32000, 64000, 128000, 256000, 512000]


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        half = "".join(rng.choice(string.ascii_lowercase) for _ in range(n // 2))
        line = half + half[::-1]
        assert len(line) == n and line == line[::-1]
        with open(os.path.join(out, "n%d.in" % n), "w", encoding="utf-8", newline="\n") as f:
            f.write("1\n" + line + "\n")


if __name__ == "__main__":
    main()
