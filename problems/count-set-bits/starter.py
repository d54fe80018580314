def count_set_bits(n: int) -> int:
    # TODO: count the 1 bits of n written as a 32-bit two's-complement integer
    # (so count_set_bits(-1) == 32).
    return 0
