# Classic mistake: a start below -len(items) is clamped to 0 whatever the direction, but with a
# negative step Python clamps it to "before index 0", which gives an empty result.
def slice_list(items, start, stop, step):
    n = len(items)
    step = 1 if step is None else step
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if start is None:
        start = n - 1 if step < 0 else 0
    elif start < 0:
        start = max(start + n, 0)
    else:
        start = min(start, n - 1 if step < 0 else n)
    if stop is None:
        stop = -1 if step < 0 else n
    elif stop < 0:
        stop = max(stop + n, -1 if step < 0 else 0)
    else:
        stop = min(stop, n - 1 if step < 0 else n)
    return [items[i] for i in range(start, stop, step)]
