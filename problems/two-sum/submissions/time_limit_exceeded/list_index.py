# Naive: looks the complement up in the rest of the list (a linear scan each time). O(n^2).
def two_sum(nums: list[int], target: int) -> list[int]:
    for i, v in enumerate(nums):
        rest = nums[i + 1:]
        if target - v in rest:
            return [i, i + 1 + rest.index(target - v)]
    return []
