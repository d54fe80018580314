# Pair search from the top with pruning: a row stops as soon as its products cannot beat the
# best palindrome so far, and the whole search stops when no row can.
class Solution:
    def largest_palindrome_product(self, n: int) -> int:
        hi = 10 ** n - 1
        lo = 10 ** (n - 1)
        best = 0
        for i in range(hi, lo - 1, -1):
            if i * hi <= best:
                break
            for j in range(hi, i - 1, -1):
                p = i * j
                if p <= best:
                    break
                s = str(p)
                if s == s[::-1]:
                    best = p
                    break
        return best
