# Naive: builds the reversed line by prepending one character at a time, which copies the
# whole partial string each time: O(n^2) per line.
import sys


def reverse(s: str) -> str:
    rev = ""
    for c in s:
        rev = c + rev
    return rev


t = int(sys.stdin.readline())
for _ in range(t):
    line = sys.stdin.readline()
    if line.endswith("\n"):
        line = line[:-1]
    print("YES" if line == reverse(line) else "NO")
