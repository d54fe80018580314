# Naive: every pair of n-digit numbers, no pruning. O(10^(2n)).
def largest_palindrome_product(n: int) -> int:
    lo = 10 ** (n - 1)
    hi = 10 ** n - 1
    best = 0
    for a in range(lo, hi + 1):
        for b in range(a, hi + 1):
            p = a * b
            s = str(p)
            if p > best and s == s[::-1]:
                best = p
    return best
