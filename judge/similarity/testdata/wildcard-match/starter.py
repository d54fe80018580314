def is_match(text: str, pattern: str) -> bool:
    # TODO: '?' matches exactly one character, '*' any sequence (also the empty one);
    # the whole text must match. re, fnmatch and glob are not allowed.
    return text == pattern
