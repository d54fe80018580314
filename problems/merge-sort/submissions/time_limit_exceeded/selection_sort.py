# Naive: selection sort, always O(n^2) comparisons.
def merge_sort(items):
    a = list(items)
    n = len(a)
    for k in range(n):
        m = k
        for i in range(k + 1, n):
            if a[i] < a[m]:
                m = i
        a[k], a[m] = a[m], a[k]
    return a
