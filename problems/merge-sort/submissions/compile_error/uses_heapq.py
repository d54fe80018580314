# Forbidden: heapq (a heap sort from the library).
import heapq


def merge_sort(items):
    heap = list(items)
    heapq.heapify(heap)
    return [heapq.heappop(heap) for _ in range(len(heap))]
