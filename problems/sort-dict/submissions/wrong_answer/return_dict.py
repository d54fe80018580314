# Classic mistake: returns a dict (insertion-ordered) instead of a list of [key, value] pairs.
def sort_dict_by_value(d):
    return dict(sorted(d.items(), key=lambda kv: (kv[1], kv[0])))
