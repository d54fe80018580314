# Classic mistake: a single Fermat test, fooled by base-2 pseudoprimes (341 = 11 * 31) and
# Carmichael numbers (561 = 3 * 11 * 17).
def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n < 4:
        return True
    return pow(2, n - 1, n) == 1
