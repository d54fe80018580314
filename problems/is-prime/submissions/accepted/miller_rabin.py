# Independent method: Miller-Rabin with the first 12 primes as bases, deterministic for
# n < 3.3 * 10^24. O(log^3 n).
class Solution:
    BASES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)

    def is_prime(self, n: int) -> bool:
        if n < 2:
            return False
        for p in self.BASES:
            if n % p == 0:
                return n == p
        d, s = n - 1, 0
        while d % 2 == 0:
            d //= 2
            s += 1
        for a in self.BASES:
            x = pow(a, d, n)
            if x == 1 or x == n - 1:
                continue
            for _ in range(s - 1):
                x = x * x % n
                if x == n - 1:
                    break
            else:
                return False
        return True
