# Naive: prepends one character at a time; each c + r copies r. O(n^2).
def reverse_string(s: str) -> str:
    r = ""
    for c in s:
        r = c + r
    return r
