def two_sum(arr: list[int], goal: int) -> list[int]:
    # value -> every index holding it
    where = {}
    for i, x in enumerate(arr):
        where.setdefault(x, []).append(i)
    # look up each complement
    for i, x in enumerate(arr):
        for j in where.get(goal - x, []):
            if j != i:  # not the same element twice
                return sorted([i, j])
    return []
