# Classic mistake: the search stops at the first (largest) factor a that has any palindrome
# partner b >= a. That is right for most n, but not for n = 3: 924 * 962 = 888888 is found
# before 913 * 993 = 906609.
def largest_palindrome_product(n: int) -> int:
    hi = 10 ** n - 1
    lo = 10 ** (n - 1)
    best = 0
    for i in range(hi, lo - 1, -1):
        for j in range(hi, i - 1, -1):
            p = i * j
            if p <= best:
                break
            s = str(p)
            if s == s[::-1]:
                best = p
                break
        if best:
            return best
    return best
