# Classic mistake: treats an empty needle (or haystack) as "nothing to find", but the empty string
# occurs in every string, so contains(s, "") is True.
def contains(haystack, needle):
    m = len(needle)
    if m == 0 or m > len(haystack):
        return False
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
