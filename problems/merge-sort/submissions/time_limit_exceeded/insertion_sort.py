# Naive: insertion sort, O(n^2) comparisons and moves on random input.
def merge_sort(items):
    a = list(items)
    for k in range(1, len(a)):
        x = a[k]
        i = k - 1
        while i >= 0 and a[i] > x:
            a[i + 1] = a[i]
            i -= 1
        a[i + 1] = x
    return a
