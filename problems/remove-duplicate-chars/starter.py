def remove_duplicates(s: str) -> str:
    # TODO: keep the first occurrence of each character, drop later repeats, keep the order.
    return s
