# Classic mistake: two pointers on a sorted copy, returning positions in the sorted copy
# instead of the original indices. Right only when nums is already sorted.
def two_sum(nums: list[int], target: int) -> list[int]:
    s = sorted(nums)
    lo, hi = 0, len(s) - 1
    while lo < hi:
        t = s[lo] + s[hi]
        if t == target:
            return [lo, hi]
        if t < target:
            lo += 1
        else:
            hi -= 1
    return []
