#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for reverse-string: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is len(s): each rung is one call
reverse_string(s) with s random printable ASCII letters and digits (the same kind of string at
every size, one byte per character in the file and in memory, so only the length changes).
Sizes double from 8000 to 512000, within the statement's bound (len(s) <= 10^6); 512000 keeps
ladder/ near 1 MB. The prepending solutions are O(n^2): insert_front.py (list.insert(0, c),
a memmove per character) runs out of budget after five rungs, prepend.py (c + r, a memcpy per
character) is slow enough to show its curve only on the upper rungs; the accepted ones are O(n).
"""
import json
import os
import random
import string

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 2028
SIZES = [8000, 16000, 32000, 64000, 128000, 256000, 512000]
ALPHABET = string.ascii_letters + string.digits


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        s = "".join(rng.choice(ALPHABET) for _ in range(n))
        with open(os.path.join(out, "n%d.in" % n), "w", encoding="utf-8") as f:
            f.write(json.dumps([s]) + "\n")


if __name__ == "__main__":
    main()
