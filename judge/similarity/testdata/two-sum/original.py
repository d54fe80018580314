def two_sum(nums: list[int], target: int) -> list[int]:
    positions = {}
    for idx, value in enumerate(nums):
        positions.setdefault(value, []).append(idx)
    for idx, value in enumerate(nums):
        for other in positions.get(target - value, []):
            if other != idx:
                return sorted([idx, other])
    return []
