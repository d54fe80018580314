# Correct, but imports the forbidden re module.
import re


def contains(haystack, needle):
    return re.search(re.escape(needle), haystack) is not None
