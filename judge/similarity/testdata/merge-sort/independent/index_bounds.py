from typing import List


class Solution:
    def merge_sort(self, items: List[int]) -> List[int]:
        data = list(items)
        buf = data[:]

        def sort(lo: int, hi: int) -> None:
            # sorts data[lo:hi] in place, using buf as scratch space
            if hi - lo <= 1:
                return
            mid = (lo + hi) >> 1
            sort(lo, mid)
            sort(mid, hi)
            if data[mid - 1] <= data[mid]:
                return  # already in order
            buf[lo:hi] = data[lo:hi]
            a, b = lo, mid
            for k in range(lo, hi):
                if b >= hi or (a < mid and buf[a] <= buf[b]):
                    data[k] = buf[a]
                    a += 1
                else:
                    data[k] = buf[b]
                    b += 1

        sort(0, len(data))
        return data
