#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for fibonacci: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Each rung is the whole input, the one integer n: print F(0), ..., F(n-1). SIZE is that n. The
naive double recursion does ~phi^n calls for n values, so it is exponential in n and the rungs
grow linearly, n = 27, 28, ..., 34: each step multiplies its work by phi ~ 1.6, and n = 34
(~1-2 s of CPU) is still under the 3 s (3x the limit) a ladder run may take. Steps of 1, not 2:
the fit's exponential is 2^n, and against phi^n it fits clearly better than n^3 only when a step
is small (with steps of 2 from n = 20 the two could not be told apart). The good
solutions (two running big ints, or fast doubling) do microseconds of work at these n, and still
only ~5 ms at the statement's maximum n = 1000, so what they measure is the ~10 ms a run costs:
O(1). Within the statement's bounds (0 <= n <= 1000); every rung passes
input_validators/validate.py. Nothing is random, so re-running gives the same files.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
SIZES = [27, 28, 29, 30, 31, 32, 33, 34]


def main():
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        path = os.path.join(out, "n%d.in" % n)
        with open(path, "w", newline="") as f:
            f.write("%d\n" % n)
        with open(path, "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True, text=True)
        if v.returncode != 42:
            sys.exit("%s rejected by the input validator: %s" % (path, v.stderr))


if __name__ == "__main__":
    main()
