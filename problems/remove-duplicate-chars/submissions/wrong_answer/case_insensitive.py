# Classic mistake: treats "A" and "a" as the same character; the task is case-sensitive.
def remove_duplicates(s):
    seen = set()
    out = []
    for c in s:
        if c.lower() not in seen:
            seen.add(c.lower())
            out.append(c)
    return "".join(out)
