# Reference: one pass, remembering the index of every value seen so far. O(n).
def two_sum(nums: list[int], target: int) -> list[int]:
    seen = {}
    for i, v in enumerate(nums):
        j = seen.get(target - v)
        if j is not None:
            return [j, i]
        seen[v] = i
    raise ValueError("no pair")
