# Forbidden: sorted().
def merge_sort(items):
    return sorted(items)
