# Naive with C-speed inner work: copy and compare a window at every position, still O(n * m).
def contains(haystack, needle):
    n, m = len(haystack), len(needle)
    for i in range(n - m + 1):
        if haystack[i:i + m] == needle:
            return True
    return False
