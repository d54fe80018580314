# Correct, but uses the forbidden str.find.
def contains(haystack, needle):
    return haystack.find(needle) >= 0
