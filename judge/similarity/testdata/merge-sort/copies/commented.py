"""Merge sort, written for the interview.

Splits the list, sorts both halves recursively and merges them.
"""
from typing import List


def merge(a, b):
    """Merge two sorted lists into one sorted list (stable)."""
    # preallocate the output so we never append
    result = [None] * (len(a) + len(b))
    p = q = w = 0  # read positions in a and b, write position in result
    while p < len(a) or q < len(b):
        # take from a when b is exhausted or a's head is not larger
        take_a = q == len(b) or (p < len(a) and a[p] <= b[q])
        if take_a:
            result[w] = a[p]
            p += 1
        else:
            result[w] = b[q]
            q += 1

        w += 1
    return result


def split(seq):
    """Cut seq in two halves; the first one gets the extra element."""
    half = (len(seq) + 1) // 2
    return seq[:half], seq[half:]


def merge_sort(items: List[int]) -> List[int]:
    # base case: nothing to sort
    if len(items) < 2:
        return items[:]
    first, second = split(items)
    # sort each half, then merge them
    return merge(merge_sort(first), merge_sort(second))
