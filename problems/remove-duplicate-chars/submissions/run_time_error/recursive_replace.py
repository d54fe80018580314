# Plain recursion: keep the first character, delete its other occurrences, recurse on the rest.
# One frame per distinct character, so more than ~1000 distinct characters raise RecursionError.
def remove_duplicates(s):
    if not s:
        return ""
    return s[0] + remove_duplicates(s[1:].replace(s[0], ""))
