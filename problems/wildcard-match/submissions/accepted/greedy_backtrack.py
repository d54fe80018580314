# Two pointers. On a mismatch, go back to the last '*' and let it swallow one more character;
# earlier stars never need revisiting. O(n * m) in the worst case, usually linear.
def is_match(text: str, pattern: str) -> bool:
    n, m = len(text), len(pattern)
    i = j = 0
    star = -1   # index of the last '*' seen in pattern
    mark = 0    # text index that star currently swallows up to
    while i < n:
        # test for '*' first: the text may contain '*' too, and a pattern '*' is never literal
        if j < m and pattern[j] == '*':
            star = j
            mark = i
            j += 1
        elif j < m and (pattern[j] == '?' or pattern[j] == text[i]):
            i += 1
            j += 1
        elif star != -1:
            j = star + 1
            mark += 1
            i = mark
        else:
            return False
    while j < m and pattern[j] == '*':
        j += 1
    return j == m
