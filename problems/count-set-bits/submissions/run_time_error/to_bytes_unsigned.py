# int.to_bytes without signed=True raises OverflowError on every negative n.
def count_set_bits(n: int) -> int:
    return sum(bin(b).count("1") for b in n.to_bytes(4, "big"))
