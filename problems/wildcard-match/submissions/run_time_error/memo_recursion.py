from functools import lru_cache


# Top-down DP with memoisation: the right idea, but the recursion goes len(text) + len(pattern)
# deep, past the default recursion limit (1000) on long inputs: RecursionError.
def is_match(text, pattern):
    n, m = len(text), len(pattern)

    @lru_cache(maxsize=None)
    def match(i, j):
        if j == m:
            return i == n
        if pattern[j] == '*':
            return match(i, j + 1) or (i < n and match(i + 1, j))
        if i < n and (pattern[j] == '?' or pattern[j] == text[i]):
            return match(i + 1, j + 1)
        return False

    return match(0, 0)
