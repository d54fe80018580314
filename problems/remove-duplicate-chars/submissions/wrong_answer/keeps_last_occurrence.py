# Classic mistake: keeps the last occurrence of each character instead of the first
# ("abca" -> "bca" instead of "abc").
def remove_duplicates(s):
    return "".join(reversed(list(dict.fromkeys(reversed(s)))))
