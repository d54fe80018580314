# Reference: n & 0xFFFFFFFF is the 32-bit two's-complement pattern as a non-negative int.
def count_set_bits(n: int) -> int:
    return (n & 0xFFFFFFFF).bit_count()
