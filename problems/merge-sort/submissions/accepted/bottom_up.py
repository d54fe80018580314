# Iterative bottom-up merge sort: merge runs of width 1, 2, 4, ... between two buffers.
class Solution:
    def merge_sort(self, items: List[int]) -> List[int]:
        n = len(items)
        src = list(items)
        dst = [0] * n
        width = 1
        while width < n:
            for lo in range(0, n, 2 * width):
                mid = min(lo + width, n)
                hi = min(lo + 2 * width, n)
                i, j, k = lo, mid, lo
                while i < mid and j < hi:
                    if src[i] <= src[j]:
                        dst[k] = src[i]
                        i += 1
                    else:
                        dst[k] = src[j]
                        j += 1
                    k += 1
                while i < mid:
                    dst[k] = src[i]
                    i += 1
                    k += 1
                while j < hi:
                    dst[k] = src[j]
                    j += 1
                    k += 1
            src, dst = dst, src
            width *= 2
        return src
