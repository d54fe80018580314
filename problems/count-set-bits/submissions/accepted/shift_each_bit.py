# Independent method: look at each of the 32 bits. Python's >> on a negative int is an
# arithmetic shift, so bit i of n is bit i of its two's-complement form.
class Solution:
    def count_set_bits(self, n: int) -> int:
        count = 0
        for i in range(32):
            count += (n >> i) & 1
        return count
