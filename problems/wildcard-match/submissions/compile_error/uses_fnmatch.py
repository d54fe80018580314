# Uses the library matcher, which the problem forbids: rejected before any test runs.
import fnmatch


def is_match(text, pattern):
    return fnmatch.fnmatchcase(text, pattern)
