# Classic mistake: '?' is treated as "zero or one character" (like an optional regex item)
# instead of exactly one character.
def is_match(text, pattern):
    n, m = len(text), len(pattern)
    prev = [False] * (n + 1)
    prev[0] = True
    for j in range(1, m + 1):
        p = pattern[j - 1]
        cur = [False] * (n + 1)
        if p == '*':
            cur[0] = prev[0]
            for i in range(1, n + 1):
                cur[i] = cur[i - 1] or prev[i]
        elif p == '?':
            cur[0] = prev[0]
            for i in range(1, n + 1):
                cur[i] = prev[i - 1] or prev[i]
        else:
            for i in range(1, n + 1):
                cur[i] = prev[i - 1] and text[i - 1] == p
        prev = cur
    return prev[n]
