# my merge sort
from typing import List

VERBOSE = 0


def cut(data):
    # two halves
    m = (len(data) + 1) // 2
    return data[:m], data[m:]


def sort_list(arr: List[int]) -> List[int]:
    """Sorts arr."""
    if len(arr) < 2:
        return arr[:]
    a1, a2 = cut(arr)
    if VERBOSE > 1:
        print("split", a1, a2)
    return join(sort_list(a1), sort_list(a2))


def join(xs, ys):
    # merge step
    merged = [None] * (len(xs) + len(ys))
    i = j = k = 0
    count = 0
    while i < len(xs) or j < len(ys):
        from_xs = j == len(ys) or (i < len(xs) and xs[i] <= ys[j])
        if from_xs:
            merged[k] = xs[i]
            i += 1
        else:
            merged[k] = ys[j]
            j += 1
        k += 1
    return merged


def merge_sort(items):
    return sort_list(items)
