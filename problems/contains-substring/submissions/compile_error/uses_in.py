# Correct, but uses the forbidden `in` operator.
def contains(haystack, needle):
    return needle in haystack
