# Classic mistake: builds the whole map first and forgets i != j, so a value equal to
# target / 2 pairs with itself.
def two_sum(nums: list[int], target: int) -> list[int]:
    index = {v: i for i, v in enumerate(nums)}
    for i, v in enumerate(nums):
        if target - v in index:
            return [i, index[target - v]]
    return []
