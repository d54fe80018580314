# Rabin-Karp with a 61-bit Mersenne-prime modulus; every hash hit is confirmed by a direct
# comparison, so the answer is exact whatever the collisions.
MOD = (1 << 61) - 1
BASE = 1_000_003


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
    i = 0
    while True:
        if h == target and haystack[i:i + m] == needle:
            return True
        if i + m >= n:
            return False
        h = ((h - ord(haystack[i]) * top) * BASE + ord(haystack[i + m])) % MOD
        i += 1
