# Classic mistake: an exhausted half is treated as "infinity", but infinity is written as INT_MAX
# out of habit. A value above 2^31 - 1 then loses against the exhausted half, and the
# "infinity" itself is output in its place.
INF = 2 ** 31 - 1


def merge_sort(items):
    if len(items) <= 1:
        return list(items)
    mid = len(items) // 2
    left = merge_sort(items[:mid])
    right = merge_sort(items[mid:])
    out = []
    i = j = 0
    for _ in range(len(items)):
        a = left[i] if i < len(left) else INF
        b = right[j] if j < len(right) else INF
        if a <= b:
            out.append(a)
            i += 1
        else:
            out.append(b)
            j += 1
    return out
