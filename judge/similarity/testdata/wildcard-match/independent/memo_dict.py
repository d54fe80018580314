import sys


def is_match(text: str, pattern: str) -> bool:
    sys.setrecursionlimit(10000)
    memo = {}

    def go(i, j):
        key = (i, j)
        if key in memo:
            return memo[key]
        if j == len(pattern):
            ans = i == len(text)
        elif pattern[j] == '*':
            ans = go(i, j + 1) or (i < len(text) and go(i + 1, j))
        else:
            ans = i < len(text) and pattern[j] in ('?', text[i]) and go(i + 1, j + 1)
        memo[key] = ans
        return ans

    return go(0, 0)
