# Raises the recursion limit and recurses a million frames deep. Python 3.11 keeps pure-Python
# frames on the heap (about 160 MB here), not the C stack: the memory limit, promptly.
import sys

sys.setrecursionlimit(10**7)


def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


print(down(10**6))
