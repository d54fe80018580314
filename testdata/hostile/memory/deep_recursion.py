# Raises the recursion limit and recurses a million frames deep: a stack overflow (SIGSEGV) or
# the memory limit, never an accepted answer and never the judge's fault.
import sys

sys.setrecursionlimit(10**7)


def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


print(down(10**6))
