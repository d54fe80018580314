# Independent method: sort the indices by value and close in from both ends. O(n log n).
class Solution:
    def two_sum(self, nums: List[int], target: int) -> List[int]:
        order = sorted(range(len(nums)), key=nums.__getitem__)
        lo, hi = 0, len(order) - 1
        while lo < hi:
            s = nums[order[lo]] + nums[order[hi]]
            if s == target:
                return [order[lo], order[hi]]
            if s < target:
                lo += 1
            else:
                hi -= 1
        raise ValueError("no pair")
