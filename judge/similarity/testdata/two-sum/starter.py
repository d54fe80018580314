def two_sum(nums: list[int], target: int) -> list[int]:
    # TODO: return [i, j] with i != j and nums[i] + nums[j] == target.
    return [0, 1]
