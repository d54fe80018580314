# Forgets n < 2: math.isqrt raises ValueError on a negative n.
import math


def is_prime(n: int) -> bool:
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return n != 1 and n != 0
