# Classic mistake: the greedy loop is right, but when the text is used up it only checks that the
# pattern is used up too, forgetting that remaining '*'s can match the empty string.
def is_match(text, pattern):
    n, m = len(text), len(pattern)
    i = j = 0
    star, mark = -1, 0
    while i < n:
        if j < m and (pattern[j] == '?' or pattern[j] == text[i]):
            i += 1
            j += 1
        elif j < m and pattern[j] == '*':
            star, mark = j, i
            j += 1
        elif star != -1:
            j = star + 1
            mark += 1
            i = mark
        else:
            return False
    return j == m
