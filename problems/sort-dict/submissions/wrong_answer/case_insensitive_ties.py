# Classic mistake: breaks ties with key.lower(), but keys compare by code point ("B" < "a").
def sort_dict_by_value(d):
    return sorted(d.items(), key=lambda kv: (kv[1], kv[0].lower(), kv[0]))
