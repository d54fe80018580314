# Over-clever: keeps each combining mark with its base character (a user-perceived
# character), but the task reverses code points, so "e\u0301" must become "\u0301e".
import unicodedata


def reverse_string(s: str) -> str:
    clusters = []
    for c in s:
        if clusters and unicodedata.combining(c):
            clusters[-1] += c
        else:
            clusters.append(c)
    return "".join(reversed(clusters))
