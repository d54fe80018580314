# Generate 2n-digit palindromes from the largest down and look for an n-digit divisor i with
# i >= sqrt(p) (then p // i <= i is automatically an n-digit number too).
def largest_palindrome_product(n: int) -> int:
    if n == 1:
        return 9  # 3 * 3; no two-digit palindrome is a product of two one-digit numbers
    hi = 10 ** n - 1
    lo = 10 ** (n - 1)
    for left in range(hi, lo - 1, -1):
        s = str(left)
        p = int(s + s[::-1])
        i = hi
        while i * i >= p:
            if p % i == 0:
                return p
            i -= 1
    return -1
