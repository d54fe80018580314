# Correct, but uses the very syntax the problem forbids.
def slice_list(items, start, stop, step):
    return items[start:stop:step]
