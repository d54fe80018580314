# Classic off-by-one: for a negative step the open end is clamped to index 0 instead of "before
# index 0", so a reversed slice never includes the first element.
def slice_list(items, start, stop, step):
    n = len(items)
    step = 1 if step is None else step
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if step > 0:
        lo = 0 if start is None else (max(start + n, 0) if start < 0 else min(start, n))
        hi = n if stop is None else (max(stop + n, 0) if stop < 0 else min(stop, n))
        return [items[i] for i in range(lo, hi, step)]
    hi = n - 1 if start is None else (max(start + n, -1) if start < 0 else min(start, n - 1))
    lo = 0 if stop is None else (max(stop + n, 0) if stop < 0 else min(stop, n - 1))
    return [items[i] for i in range(hi, lo, step)]
