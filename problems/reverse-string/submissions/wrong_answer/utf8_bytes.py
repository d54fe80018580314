# Classic mistake: reverses the UTF-8 bytes, not the code points. Right for ASCII only.
def reverse_string(s: str) -> str:
    return s.encode("utf-8")[::-1].decode("utf-8", errors="replace")
