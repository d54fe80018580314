# Classic mistake: range(2, isqrt(n)) stops one short, so squares of primes (4, 9, 25, ...)
# look prime.
import math


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    for d in range(2, math.isqrt(n)):
        if n % d == 0:
            return False
    return True
