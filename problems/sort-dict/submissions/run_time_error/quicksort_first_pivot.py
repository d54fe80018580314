# Recursive quicksort with the first element as pivot: on input that is already in order each
# call peels off one element, so recursion depth is n and RecursionError hits past ~1000.
def quicksort(items):
    if len(items) <= 1:
        return items
    pivot = items[0]
    smaller = [x for x in items[1:] if x < pivot]
    larger = [x for x in items[1:] if x >= pivot]
    return quicksort(smaller) + [pivot] + quicksort(larger)


def sort_dict_by_value(d):
    return [[k, v] for v, k in quicksort([(v, k) for k, v in d.items()])]
