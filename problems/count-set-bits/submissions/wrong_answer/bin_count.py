# Classic mistake: bin(-1) is '-0b1', a sign and a magnitude, not two's complement.
def count_set_bits(n: int) -> int:
    return bin(n).count("1")
