# Forbidden: the .sort() method.
def merge_sort(items):
    out = list(items)
    out.sort()
    return out
