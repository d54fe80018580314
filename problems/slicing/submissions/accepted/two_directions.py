# Handles the two directions separately with min/max clamping and a while loop.
class Solution:
    def slice_list(self, items, start, stop, step):
        n = len(items)
        step = 1 if step is None else step
        if step == 0:
            raise ValueError("step must not be zero")
        out = []
        if step > 0:
            lo = 0 if start is None else (max(start + n, 0) if start < 0 else min(start, n))
            hi = n if stop is None else (max(stop + n, 0) if stop < 0 else min(stop, n))
            i = lo
            while i < hi:
                out.append(items[i])
                i += step
        else:
            hi = n - 1 if start is None else (max(start + n, -1) if start < 0 else min(start, n - 1))
            lo = -1 if stop is None else (max(stop + n, -1) if stop < 0 else min(stop, n - 1))
            i = hi
            while i > lo:
                out.append(items[i])
                i += step
        return out
