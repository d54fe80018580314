# Classic mistake: lower-cases both strings "to be safe", but the search is case-sensitive.
def contains(haystack, needle):
    haystack, needle = haystack.lower(), needle.lower()
    m = len(needle)
    if m == 0:
        return True
    fail = [0] * m
    k = 0
    for i in range(1, m):
        while k and needle[k] != needle[i]:
            k = fail[k - 1]
        if needle[k] == needle[i]:
            k += 1
        fail[i] = k
    k = 0
    for c in haystack:
        while k and needle[k] != c:
            k = fail[k - 1]
        if needle[k] == c:
            k += 1
            if k == m:
                return True
    return False
