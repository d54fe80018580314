from typing import List, Optional


def slice_list(items: list, start: Optional[int], stop: Optional[int],
               step: Optional[int]) -> list:
    # TODO: return the same list as items[start:stop:step] (without slicing),
    # and raise ValueError when step is 0.
    result = []
    for i in range(len(items)):
        result.append(items[i])
    return result
