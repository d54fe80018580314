from typing import List


def combine(left_part, right_part):
    out = [0] * (len(left_part) + len(right_part))
    x = y = pos = 0
    while x < len(left_part) or y < len(right_part):
        use_left = y == len(right_part) or (x < len(left_part) and left_part[x] <= right_part[y])
        if use_left:
            out[pos] = left_part[x]
            x += 1
        else:
            out[pos] = right_part[y]
            y += 1
        pos += 1
    return out


def halves(values):
    middle = (len(values) + 1) // 2
    return values[:middle], values[middle:]


def merge_sort(nums: List[int]) -> List[int]:
    if len(nums) < 2:
        return nums[:]
    lo, hi = halves(nums)
    return combine(merge_sort(lo), merge_sort(hi))
