# Classic mistake: "small numbers are prime" lets 1 through.
import math


def is_prime(n: int) -> bool:
    if n <= 0:
        return False
    if n <= 3:
        return True
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True
