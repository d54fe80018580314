# Classic mistake (the usual LeetCode greedy, written for texts of letters only): the "characters
# are equal" test comes before the '*' test, so a '*' in the pattern facing a '*' in the text is
# consumed as a literal character and loses its wildcard meaning.
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
    while j < m and pattern[j] == '*':
        j += 1
    return j == m
