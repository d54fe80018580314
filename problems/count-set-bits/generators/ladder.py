#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for count-set-bits: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
SIZE is b, the bit length of n's 32-bit two's-complement pattern (the position of its highest 1
bit, plus one): rung n<b>.in is [n] with n random among the 32-bit patterns of bit length b,
b = 1, 2, 4, 8, 16, 32. For b <= 31 that is 2^(b-1) <= n < 2^b; b = 32 means the sign bit is
set, so n is a random negative number in [-2^31, -1]. The input never has more than 32 bits, so
every accepted solution (bit_count on n & 0xFFFFFFFF, or 32 fixed shifts) is O(1), and the
loops that shift or clear bits until n is 0 do at most 31 steps on b <= 31, far under the ~10 ms
a run costs; on the b = 32 rung (a negative Python int) they never end, which is why they are
time_limit_exceeded: non-termination, not growth. The ladder cannot show a growth class for them.
Seeded, so re-running gives the same files. Within the statement's bounds (-2^31 <= n <= 2^31 - 1);
every rung passes input_validators/validate.py.
"""
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
SEED = 2031
SIZES = [1, 2, 4, 8, 16, 32]


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for b in SIZES:
        pattern = rng.randrange(2 ** (b - 1), 2 ** b)  # the 32-bit pattern, highest 1 at bit b-1
        n = pattern - 2 ** 32 if pattern >= 2 ** 31 else pattern
        assert (n & 0xFFFFFFFF).bit_length() == b
        path = os.path.join(out, "n%d.in" % b)
        with open(path, "w", newline="") as f:
            f.write("[%d]\n" % n)
        with open(path, "rb") as f:
            r = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True, text=True)
        if r.returncode != 42:
            sys.exit("%s rejected by the input validator: %s" % (path, r.stderr))


if __name__ == "__main__":
    main()
