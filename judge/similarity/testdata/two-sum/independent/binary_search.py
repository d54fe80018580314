from bisect import bisect_left


def two_sum(nums, target):
    order = sorted(range(len(nums)), key=lambda k: nums[k])
    values = [nums[k] for k in order]
    for a in range(len(values)):
        want = target - values[a]
        b = bisect_left(values, want, a + 1)
        if b < len(values) and values[b] == want:
            return sorted((order[a], order[b]))
    return None
