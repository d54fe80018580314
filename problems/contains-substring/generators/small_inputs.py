#!/usr/bin/env python3
"""Small inputs for the triage of `judge verify --mutants` (README, "Authors"), one arguments
array a line: every haystack over {a, b} of up to 6 characters with every needle of 1 to 4,
and short strings of control characters (U+0000 and U+0001 are characters like any other:
a solution that uses one as a separator fails on them). About 4,000 inputs."""
import itertools
import json


def strings(alphabet, lo, hi):
    for n in range(lo, hi + 1):
        for t in itertools.product(alphabet, repeat=n):
            yield "".join(t)


for haystack in strings("ab", 0, 6):
    for needle in strings("ab", 1, 4):
        print(json.dumps([haystack, needle]))
for haystack in strings("x\x00\x01", 0, 3):
    for needle in strings("\x00\x01", 1, 2):
        print(json.dumps([haystack, needle]))
