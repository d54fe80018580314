#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for is-prime: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
The input is one integer v, so its size has to be chosen: SIZE is m = sqrt(v), and rung
n<m>.in is [v] with v the largest prime <= m^2 (a prime, so every trial division runs its whole
loop: the worst case, and the same kind of input at every size). Trial division to sqrt(v) is
then O(m), trial division to v/2 or v is O(m^2), Miller-Rabin is polylog (flat here).
m doubles from 244 to 10^6 (10^6 / 2^k rounded, k = 12..0), 13 rungs, more than the usual 6-8:
the naive O(v) loops (~50 ns per step) must finish 4-5 rungs under the 3 s a ladder run may take
(v <= ~6 * 10^7, so m <= ~7800), while the sqrt loop only does ~18 ms of work at m = 10^6, the
statement's largest v; both ends are needed for the two classes to show.
Within the statement's bounds (|v| <= 10^12; the largest rung is 999999999989); every rung
passes input_validators/validate.py. Nothing is random, so re-running gives the same files.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
SIZES = [round(10 ** 6 / 2 ** k) for k in range(12, -1, -1)]  # 244, 488, ..., 500000, 1000000


def is_prime(v):
    """Deterministic Miller-Rabin, exact for v < 3.3 * 10^24."""
    if v < 2:
        return False
    bases = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    for p in bases:
        if v % p == 0:
            return v == p
    d, s = v - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in bases:
        x = pow(a, d, v)
        if x in (1, v - 1):
            continue
        for _ in range(s - 1):
            x = x * x % v
            if x == v - 1:
                break
        else:
            return False
    return True


def main():
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for m in SIZES:
        v = min(m * m, 10 ** 12)
        while not is_prime(v):
            v -= 1
        path = os.path.join(out, "n%d.in" % m)
        with open(path, "w", newline="") as f:
            f.write("[%d]\n" % v)
        with open(path, "rb") as f:
            r = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True, text=True)
        if r.returncode != 42:
            sys.exit("%s rejected by the input validator: %s" % (path, r.stderr))


if __name__ == "__main__":
    main()
