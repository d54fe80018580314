import sys

sys.setrecursionlimit(10000)


# Naive backtracking: a '*' tries every possible length, without memoisation. Exponential on
# patterns with many stars that almost match.
def is_match(text, pattern):
    n, m = len(text), len(pattern)

    def match(i, j):
        if j == m:
            return i == n
        if pattern[j] == '*':
            for k in range(i, n + 1):
                if match(k, j + 1):
                    return True
            return False
        if i < n and (pattern[j] == '?' or pattern[j] == text[i]):
            return match(i + 1, j + 1)
        return False

    return match(0, 0)
