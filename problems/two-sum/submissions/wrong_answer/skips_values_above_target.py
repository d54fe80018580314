# Classic mistake: "a number larger than the target cannot be part of the sum" only holds
# for non-negative numbers.
def two_sum(nums: list[int], target: int) -> list[int]:
    seen = {}
    for i, v in enumerate(nums):
        if v > target:
            continue
        if target - v in seen:
            return [seen[target - v], i]
        seen[v] = i
    return []
