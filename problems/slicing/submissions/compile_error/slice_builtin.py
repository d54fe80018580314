# Correct, but builds a slice object with the forbidden slice() builtin.
def slice_list(items, start, stop, step):
    return items[slice(start, stop, step)]
