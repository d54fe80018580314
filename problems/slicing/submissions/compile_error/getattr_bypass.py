# Correct, but reaches slice() through getattr on the builtins: both are forbidden.
def slice_list(items, start, stop, step):
    make = getattr(__builtins__, "sli" + "ce", None) or __builtins__["sli" + "ce"]
    return items[make(start, stop, step)]
