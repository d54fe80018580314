# Reference: CPython's PySlice_AdjustIndices rules, then one range() over the indices.
from typing import List, Optional


def slice_list(items: list, start: Optional[int], stop: Optional[int],
               step: Optional[int]) -> list:
    n = len(items)
    if step is None:
        step = 1
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if start is None:
        start = n - 1 if step < 0 else 0
    elif start < 0:
        start += n
        if start < 0:
            start = -1 if step < 0 else 0
    elif start >= n:
        start = n - 1 if step < 0 else n
    if stop is None:
        stop = -1 if step < 0 else n
    elif stop < 0:
        stop += n
        if stop < 0:
            stop = -1 if step < 0 else 0
    elif stop >= n:
        stop = n - 1 if step < 0 else n
    return [items[i] for i in range(start, stop, step)]
