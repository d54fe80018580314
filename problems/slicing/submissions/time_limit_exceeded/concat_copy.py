# Naive: result = result + [x] copies the whole result for every element: O(k^2).
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
    result = []
    while (i < end) if step > 0 else (i > end):
        result = result + [items[i]]
        i += step
    return result
