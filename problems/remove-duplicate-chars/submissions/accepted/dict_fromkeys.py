# Reference: dicts keep insertion order, so the keys of dict.fromkeys(s) are the characters of s
# in order of first occurrence.
def remove_duplicates(s: str) -> str:
    return "".join(dict.fromkeys(s))
