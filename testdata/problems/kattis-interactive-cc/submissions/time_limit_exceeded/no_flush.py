"""The classic interactive mistake: write without flushing. (print() before input() is safe in
Python: input() flushes standard output first; sys.stdout.write before sys.stdin.readline is
not.) The guess waits in the buffer, both sides wait for each other, and the submission is
stopped at its wall limit (TLE)."""
import sys

n = int(sys.stdin.readline())
lo, hi = 1, n
while True:
    g = (lo + hi) // 2
    sys.stdout.write(f"{g}\n")
    word = sys.stdin.readline().strip()
    if word == "correct":
        break
    if word == "lower":
        hi = g - 1
    else:
        lo = g + 1
