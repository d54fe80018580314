# Classic mistake: a set loses the order, and sorting it gives code-point order, which equals
# the order of first occurrence only by luck.
def remove_duplicates(s):
    return "".join(sorted(set(s)))
