from typing import Iterator, List


def _merged(xs: List[int], ys: List[int]) -> Iterator[int]:
    ix, iy = iter(xs), iter(ys)
    sentinel = object()
    x, y = next(ix, sentinel), next(iy, sentinel)
    while x is not sentinel and y is not sentinel:
        if y < x:
            yield y
            y = next(iy, sentinel)
        else:
            yield x
            x = next(ix, sentinel)
    if x is not sentinel:
        yield x
        yield from ix
    if y is not sentinel:
        yield y
        yield from iy


def merge_sort(items: List[int]) -> List[int]:
    n = len(items)
    if n <= 1:
        return list(items)
    return list(_merged(merge_sort(items[: n // 2]), merge_sort(items[n // 2 :])))
