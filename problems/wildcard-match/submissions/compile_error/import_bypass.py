# Tries to get the re module around the import check; __import__ is forbidden too.
def is_match(text, pattern):
    re = __import__("re")
    regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.fullmatch(regex, text, re.DOTALL) is not None
