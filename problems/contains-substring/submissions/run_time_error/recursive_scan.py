# Plain recursion over the start position: one frame per position tried, so a haystack with
# more than ~1000 candidate positions before the first match raises RecursionError.
def contains(haystack, needle):
    n, m = len(haystack), len(needle)

    def match_at(i, j=0):
        while j < m and haystack[i + j] == needle[j]:
            j += 1
        return j == m

    def search(i):
        if i + m > n:
            return False
        return match_at(i) or search(i + 1)

    return search(0)
