# Classic mistake: rejects every even number, 2 included.
def is_prime(n: int) -> bool:
    if n < 2 or n % 2 == 0:
        return False
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True
