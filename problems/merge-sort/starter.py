def merge_sort(items: List[int]) -> List[int]:
    # Return the items in ascending order, without sorted(), .sort() or heapq.
    return items
