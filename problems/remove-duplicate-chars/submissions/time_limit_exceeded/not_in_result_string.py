# Naive: checks each character against the result built so far: O(n * k) for k distinct
# characters.
def remove_duplicates(s):
    result = ""
    for c in s:
        if c not in result:
            result += c
    return result
