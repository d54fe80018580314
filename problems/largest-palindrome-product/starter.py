def largest_palindrome_product(n: int) -> int:
    # Return the largest palindrome that is a product of two n-digit numbers.
    return 0
