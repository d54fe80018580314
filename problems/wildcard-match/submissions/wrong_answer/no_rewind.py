# Classic mistake: after a failed partial match behind a '*', the pattern restarts after the star
# but the text does not go back to one past where the partial match began, so overlapping
# matches are missed: "aaab" against "*aab" is reported as no match.
def is_match(text, pattern):
    n, m = len(text), len(pattern)
    i = j = 0
    star = -1
    while i < n:
        if j < m and pattern[j] == '*':
            star = j
            j += 1
        elif j < m and (pattern[j] == '?' or pattern[j] == text[i]):
            i += 1
            j += 1
        elif star != -1:
            if j == star + 1:
                i += 1          # the star swallows this character
            else:
                j = star + 1    # restart the pattern, but keep the text position
        else:
            return False
    while j < m and pattern[j] == '*':
        j += 1
    return j == m
