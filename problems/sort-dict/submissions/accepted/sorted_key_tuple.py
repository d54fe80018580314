# Reference: one sort on the (value, key) pair.
def sort_dict_by_value(d: dict) -> list:
    return sorted(d.items(), key=lambda kv: (kv[1], kv[0]))
