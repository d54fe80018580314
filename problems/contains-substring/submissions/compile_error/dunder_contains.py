# Correct, but calls __contains__ through the type, which is forbidden as well.
def contains(haystack, needle):
    return str.__contains__(haystack, needle)
