class Solution:
    def two_sum(self, nums, target):
        last = {v: i for i, v in enumerate(nums)}
        for i, v in enumerate(nums):
            j = last.get(target - v)
            if j is not None and j != i:
                return [i, j]
        raise ValueError("no solution")
