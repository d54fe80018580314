def is_match(text: str, pattern: str) -> bool:
    # '?' matches exactly one character, '*' matches any sequence (also the empty one).
    return text == pattern
