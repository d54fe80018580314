# Naive: list.insert(0, c) shifts the whole list each time. O(n^2).
def reverse_string(s: str) -> str:
    chars = []
    for c in s:
        chars.insert(0, c)
    return "".join(chars)
