# Naive: selection sort on the (value, key) pairs, O(n^2) comparisons.
def sort_dict_by_value(d):
    items = [(v, k) for k, v in d.items()]
    n = len(items)
    for i in range(n):
        m = i
        for j in range(i + 1, n):
            if items[j] < items[m]:
                m = j
        items[i], items[m] = items[m], items[i]
    return [[k, v] for v, k in items]
