def two_sum(nums, target):
    index_of = {}
    for i, num in enumerate(nums):
        need = target - num
        if need in index_of:
            return [index_of[need], i]
        index_of[num] = i
    return []
