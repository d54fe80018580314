#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for wildcard-match: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is the length of both the text and the
pattern (they grow together). Every rung has the same shape: the text is random letters from
'cde' with n // 4 of them, at random places, replaced by 'a'; the pattern is '*a*a*b' followed
by random letters from 'acde', padded to the text's length. The text has no 'b', so the
answer is False:
- naive backtracking tries every place for the three stars (each 'a' after a star pins it to an
  'a' of the text), about (n/4)^2 * n / 6 calls: O(n^3), with shallow recursion (at most 7
  frames, so no data-stack effects of deep Python recursion);
- the DP table fills all (n+1) x (n+1) cells: O(n^2), the class of a good solution here;
- greedy two-pointer backtracking and the bitset DP stop at the 'b' after O(n) and O(1) steps,
  so they measure about as much as an empty run (O(1), or no class). A shape that makes greedy pay
  O(n*m) (a long literal after the last star) makes the naive recursion as deep as that literal,
  where CPython's frame-stack chunk churn, not the algorithm, dominates its times.
Sizes double from 31 to 2000 (2000 / 2^k, rounded down), the statement's bound
(len(text), len(pattern) <= 2000).
"""
import json
import os
import random

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 2030
SIZES = [31, 62, 125, 250, 500, 1000, 2000]
OTHERS = "cde"


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        text = [rng.choice(OTHERS) for _ in range(n)]
        for i in rng.sample(range(n), n // 4):
            text[i] = "a"
        head = "*a*a*b"
        pattern = head + "".join(rng.choice("a" + OTHERS) for _ in range(n - len(head)))
        assert len(text) == len(pattern) == n
        with open(os.path.join(out, "n%d.in" % n), "w", encoding="utf-8") as f:
            f.write(json.dumps(["".join(text), pattern]) + "\n")


if __name__ == "__main__":
    main()
