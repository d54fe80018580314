# Classic mistake: sorts by value only, so tied keys stay in insertion order instead of
# ascending key order.
def sort_dict_by_value(d):
    return [[k, v] for k, v in sorted(d.items(), key=lambda kv: kv[1])]
