# Recursion on the tail: depth len(s), over the default recursion limit (1000) on long strings.
def reverse_string(s: str) -> str:
    if not s:
        return s
    return reverse_string(s[1:]) + s[0]
