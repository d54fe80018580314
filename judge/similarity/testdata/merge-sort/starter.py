from typing import List


def merge_sort(items: List[int]) -> List[int]:
    # TODO: return the items in ascending order, without sorted(), .sort() or heapq.
    return items
