# Naive: trial division up to n / 2 ("no divisor is larger than half"). Still O(n).
def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d <= n // 2:
        if n % d == 0:
            return False
        d += 1
    return True
