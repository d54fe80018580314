# Naive: clamps start but walks every index up to an unclamped stop, skipping those outside the
# list. Correct, but a stop like 10**18 means 10**18 iterations.
def slice_list(items, start, stop, step):
    n = len(items)
    step = 1 if step is None else step
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if start is None:
        start = n - 1 if step < 0 else 0
    elif start < 0:
        start = max(start + n, -1 if step < 0 else 0)
    else:
        start = min(start, n - 1 if step < 0 else n)
    if stop is None:
        stop = -1 if step < 0 else n
    elif stop < 0:
        stop += n
    out = []
    for i in range(start, stop, step):
        if 0 <= i < n:
            out.append(items[i])
    return out
