# Classic mistake: treats step 0 as "nothing to take" and returns [] instead of raising
# ValueError like items[::0] does.
def slice_list(items, start, stop, step):
    n = len(items)
    step = 1 if step is None else step
    if step == 0:
        return []
    if step > 0:
        lo = 0 if start is None else (max(start + n, 0) if start < 0 else min(start, n))
        hi = n if stop is None else (max(stop + n, 0) if stop < 0 else min(stop, n))
    else:
        lo = n - 1 if start is None else (max(start + n, -1) if start < 0 else min(start, n - 1))
        hi = -1 if stop is None else (max(stop + n, -1) if stop < 0 else min(stop, n - 1))
    return [items[i] for i in range(lo, hi, step)]
