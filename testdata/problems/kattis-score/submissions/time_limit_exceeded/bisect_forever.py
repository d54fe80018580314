"""Bisects with ever more precision and never stops to print."""
from fractions import Fraction

n = int(input())
lo, hi = Fraction(0), Fraction(n)
while True:
    mid = (lo + hi) / 2
    if mid * mid < n:
        lo = mid
    else:
        hi = mid
