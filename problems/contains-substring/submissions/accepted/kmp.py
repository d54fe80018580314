# Reference: Knuth-Morris-Pratt, O(len(haystack) + len(needle)).
def contains(haystack: str, needle: str) -> bool:
    m = len(needle)
    if m == 0:
        return True
    if m > len(haystack):
        return False
    fail = [0] * m  # fail[i]: length of the longest proper border of needle[:i + 1]
    k = 0
    for i in range(1, m):
        c = needle[i]
        while k and needle[k] != c:
            k = fail[k - 1]
        if needle[k] == c:
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
