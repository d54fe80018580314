# Naive: s.index(c) scans s from the start for every distinct character: O(n * k).
def remove_duplicates(s):
    return "".join(sorted(set(s), key=s.index))
