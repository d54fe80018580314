# Kernighan's n &= n - 1 without masking: a negative Python int never reaches 0
# (it becomes -2, -4, -8, ... forever), so negatives loop until the time limit.
def count_set_bits(n: int) -> int:
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count
