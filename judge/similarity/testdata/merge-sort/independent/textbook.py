def merge_sort(items):
    if len(items) <= 1:
        return list(items)
    middle = len(items) // 2
    lhs = merge_sort(items[:middle])
    rhs = merge_sort(items[middle:])
    res = []
    a = b = 0
    while a < len(lhs) and b < len(rhs):
        if lhs[a] <= rhs[b]:
            res.append(lhs[a])
            a += 1
        else:
            res.append(rhs[b])
            b += 1
    res.extend(lhs[a:])
    res.extend(rhs[b:])
    return res
