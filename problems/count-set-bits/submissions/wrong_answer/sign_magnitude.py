# Classic mistake: counts the magnitude's bits plus one for the sign (sign-magnitude, not
# two's complement).
def count_set_bits(n: int) -> int:
    return bin(abs(n)).count("1") + (1 if n < 0 else 0)
