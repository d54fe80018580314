def contains(haystack: str, needle: str) -> bool:
    # TODO: return True when needle occurs in haystack as a contiguous substring.
    # Not allowed: the in / not in operators, str.find/index/count/partition/...,
    # __contains__, and the re and operator modules.
    return False
