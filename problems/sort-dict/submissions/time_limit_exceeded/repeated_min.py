# Naive: repeatedly extracts the smallest remaining entry, O(n^2).
def sort_dict_by_value(d):
    remaining = dict(d)
    result = []
    while remaining:
        k = min(remaining, key=lambda key: (remaining[key], key))
        result.append([k, remaining.pop(k)])
    return result
