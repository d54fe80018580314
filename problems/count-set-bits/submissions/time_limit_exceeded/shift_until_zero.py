# Shifting right until 0 without masking: a negative Python int shifts down to -1 and stays
# there, so negatives loop until the time limit.
def count_set_bits(n: int) -> int:
    count = 0
    while n != 0:
        count += n & 1
        n >>= 1
    return count
