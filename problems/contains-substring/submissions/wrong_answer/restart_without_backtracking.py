# Classic "linear" mistake: on a mismatch it restarts the needle at the next haystack character
# instead of falling back (KMP), so partial matches that overlap a real match are lost:
# "aab" is not found in "aaab".
def contains(haystack, needle):
    m = len(needle)
    if m == 0:
        return True
    j = 0
    for c in haystack:
        if c == needle[j]:
            j += 1
            if j == m:
                return True
        else:
            j = 1 if c == needle[0] else 0
    return False
