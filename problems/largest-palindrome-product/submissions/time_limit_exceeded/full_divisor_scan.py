# Palindromes from the top, but every candidate is tested against all n-digit divisors instead
# of only those down to sqrt(p): O(10^n) work per palindrome.
def largest_palindrome_product(n: int) -> int:
    if n == 1:
        return 9
    hi = 10 ** n - 1
    lo = 10 ** (n - 1)
    for left in range(hi, lo - 1, -1):
        s = str(left)
        p = int(s + s[::-1])
        found = False
        for i in range(lo, hi + 1):
            if p % i == 0 and lo <= p // i <= hi:
                found = True
        if found:
            return p
    return -1
