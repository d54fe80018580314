# Classic off-by-one: the window loop runs over range(n - m) instead of range(n - m + 1), so a
# match that ends at the very end of the haystack (or needle == haystack) is missed.
MOD = (1 << 61) - 1
BASE = 131


def contains(haystack, needle):
    n, m = len(haystack), len(needle)
    if m == 0:
        return True
    if m > n:
        return False
    target = 0
    for c in needle:
        target = (target * BASE + ord(c)) % MOD
    h = 0
    for i in range(m):
        h = (h * BASE + ord(haystack[i])) % MOD
    top = pow(BASE, m - 1, MOD)
    for i in range(n - m):
        if h == target and haystack[i:i + m] == needle:
            return True
        h = ((h - ord(haystack[i]) * top) * BASE + ord(haystack[i + m])) % MOD
    return False
