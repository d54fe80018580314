# Classic mistake: tests |n|, so -7 comes out prime.
def is_prime(n: int) -> bool:
    n = abs(n)
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
