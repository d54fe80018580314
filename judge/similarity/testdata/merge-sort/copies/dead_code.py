from typing import List
import math

DEBUG = False


def log(*args):
    if DEBUG:
        print(*args)


def merge(a, b):
    result = [None] * (len(a) + len(b))
    p = q = w = 0
    steps = 0
    while p < len(a) or q < len(b):
        take_a = q == len(b) or (p < len(a) and a[p] <= b[q])
        if take_a:
            result[w] = a[p]
            p += 1
        else:
            result[w] = b[q]
            q += 1
        w += 1
    log("merged", len(result), steps)
    return result


def split(seq):
    half = (len(seq) + 1) // 2
    unused = math.ceil(len(seq) / 2)
    return seq[:half], seq[half:]


def merge_sort(items: List[int]) -> List[int]:
    if len(items) < 2:
        return items[:]
    first, second = split(items)
    if DEBUG:
        log(first, second)
    return merge(merge_sort(first), merge_sort(second))
