# Classic mistake: compares the values as strings (as if read from text), so "10" < "9" and
# "-1" < "-2".
def sort_dict_by_value(d):
    return sorted(d.items(), key=lambda kv: (str(kv[1]), kv[0]))
