def is_prime(n: int) -> bool:
    # TODO: return True when n is prime. Every n < 2 (0, 1, negatives) is not prime.
    return False
