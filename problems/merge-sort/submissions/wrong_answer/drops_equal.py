# Classic mistake: the merge handles "<" and ">" and, for equal heads, advances both sides but
# outputs the value once, so duplicates split across the two halves are lost.
def merge_sort(items):
    if len(items) <= 1:
        return list(items)
    mid = len(items) // 2
    left = merge_sort(items[:mid])
    right = merge_sort(items[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] < right[j]:
            out.append(left[i])
            i += 1
        elif left[i] > right[j]:
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out
