from collections import deque
from typing import List


def merge_sort(items: List[int]) -> List[int]:
    runs = deque([x] for x in items)
    if not runs:
        return []
    while len(runs) > 1:
        left = runs.popleft()
        right = runs.popleft()
        merged = []
        li = ri = 0
        while li < len(left) and ri < len(right):
            if right[ri] < left[li]:
                merged.append(right[ri])
                ri += 1
            else:
                merged.append(left[li])
                li += 1
        merged += left[li:] + right[ri:]
        runs.append(merged)
    return runs[0]
