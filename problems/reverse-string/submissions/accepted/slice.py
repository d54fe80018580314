# Reference: a Python str is a sequence of code points, and a negative-step slice reverses it.
def reverse_string(s: str) -> str:
    return s[::-1]
