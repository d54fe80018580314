#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for largest-palindrome-product: the size ladder of the complexity
estimate.

Run from the problem directory: python3 generators/ladder.py
The input is only the digit count d (1 <= d <= 7), so there are at most 7 different inputs, and
every solution is exponential in d: in d the classes cannot part. SIZE is therefore N = 10^d,
the size of the range of candidate factors (10^(d-1) .. 10^d - 1, ~N of them): rung n<N>.in is
[d], for d = 1..7 (N = 10 .. 10^7, growing tenfold, not twofold: there are no sizes in between).
In N, trying all pairs is O(N^2) (it finishes d <= 4, ~3-5 s at d = 4, under the 6 s a ladder
run may take). Testing each palindrome from the top against all N divisors is N times the number
of palindromes tried (10, 94, 100, 340 for d = 2..5: irregular); it only finishes d <= 5, where
its times (~16x, then ~22x per decade) fit n or n log n like the accepted ones: the ladder cannot
tell it from them. The accepted solutions grow about like N (pruned pair search, ~9x per decade
at d = 5..7) or a little faster (palindromes from the top, ~3x then ~19x at d = 6, 7).
Everything with d <= 3 only measures the ~10 ms a run costs. Within the statement's bounds
(1 <= d <= 7); every rung passes input_validators/validate.py. Nothing is random, so re-running
gives the same files.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
DIGITS = [1, 2, 3, 4, 5, 6, 7]


def main():
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for d in DIGITS:
        path = os.path.join(out, "n%d.in" % 10 ** d)
        with open(path, "w", newline="") as f:
            f.write("[%d]\n" % d)
        with open(path, "rb") as f:
            r = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True, text=True)
        if r.returncode != 42:
            sys.exit("%s rejected by the input validator: %s" % (path, r.stderr))


if __name__ == "__main__":
    main()
