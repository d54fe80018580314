def two_sum(nums: list[int], target: int) -> list[int]:
    pairs = sorted((v, i) for i, v in enumerate(nums))
    left, right = 0, len(pairs) - 1
    while left < right:
        total = pairs[left][0] + pairs[right][0]
        if total == target:
            return sorted([pairs[left][1], pairs[right][1]])
        elif total < target:
            left += 1
        else:
            right -= 1
    return []
