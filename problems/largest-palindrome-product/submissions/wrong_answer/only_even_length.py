# Classic mistake: only 2n-digit palindromes are tried, which is right for every n >= 2 but not
# for n = 1 (the answer 9 has one digit); falls through and returns -1.
def largest_palindrome_product(n: int) -> int:
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
