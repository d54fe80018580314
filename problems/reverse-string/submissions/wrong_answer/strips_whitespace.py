# Classic mistake: an input-cleaning habit: strip() drops leading and trailing white space.
def reverse_string(s: str) -> str:
    return s.strip()[::-1]
