"""The binary search as many contestants write it: sys.stdin.readline, sys.stdout.write and an
explicit flush."""
import sys

n = int(sys.stdin.readline())
lo, hi = 1, n
while lo <= hi:
    g = lo + (hi - lo) // 2
    sys.stdout.write(f"{g}\n")
    sys.stdout.flush()
    word = sys.stdin.readline().strip()
    if word == "correct":
        break
    if word == "lower":
        hi = g - 1
    else:
        lo = g + 1
