# Classic mistake: the defaults for a missing start/stop are always 0 and len(items), also for a
# negative step, so items[::-1] comes out empty.
def slice_list(items, start, stop, step):
    n = len(items)
    step = 1 if step is None else step
    if step == 0:
        raise ValueError("slice step cannot be zero")
    start = 0 if start is None else start
    stop = n if stop is None else stop
    if start < 0:
        start = max(start + n, -1 if step < 0 else 0)
    else:
        start = min(start, n - 1 if step < 0 else n)
    if stop < 0:
        stop = max(stop + n, -1 if step < 0 else 0)
    else:
        stop = min(stop, n - 1 if step < 0 else n)
    return [items[i] for i in range(start, stop, step)]
