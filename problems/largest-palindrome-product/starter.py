def largest_palindrome_product(n: int) -> int:
    # TODO: return the largest palindrome that is a product of two n-digit numbers.
    return 0
