# Classic mistake: removes only adjacent repeats ("aab" -> "ab"), but "aba" must become "ab".
from itertools import groupby


def remove_duplicates(s):
    return "".join(key for key, _ in groupby(s))
