# Classic mistake: masks correctly but loops over 31 bits, forgetting the sign bit (bit 31).
def count_set_bits(n: int) -> int:
    n &= 0xFFFFFFFF
    count = 0
    for i in range(31):
        if n & (1 << i):
            count += 1
    return count
