# Plain recursion: one frame per taken element, so a result longer than ~1000 elements raises
# RecursionError.
def slice_list(items, start, stop, step):
    n = len(items)
    step = 1 if step is None else step
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if step > 0:
        i = 0 if start is None else (max(start + n, 0) if start < 0 else min(start, n))
        end = n if stop is None else (max(stop + n, 0) if stop < 0 else min(stop, n))
    else:
        i = n - 1 if start is None else (max(start + n, -1) if start < 0 else min(start, n - 1))
        end = -1 if stop is None else (max(stop + n, -1) if stop < 0 else min(stop, n - 1))

    def take(i):
        if (step > 0 and i >= end) or (step < 0 and i <= end):
            return []
        return [items[i]] + take(i + step)

    return take(i)
