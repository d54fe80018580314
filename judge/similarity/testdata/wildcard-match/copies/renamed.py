def squeeze(pat):
    res = []
    for c in pat:
        if c == "*" and res and res[-1] == "*":
            continue
        res.append(c)
    return "".join(res)


def is_match(s: str, p: str) -> bool:
    p = squeeze(p)
    last = [False] * (len(p) + 1)
    last[0] = True
    for k in range(1, len(p) + 1):
        last[k] = last[k - 1] and p[k - 1] == "*"
    for letter in s:
        row = [False] * (len(p) + 1)
        for k in range(1, len(p) + 1):
            sym = p[k - 1]
            if sym == "*":
                row[k] = row[k - 1] or last[k]
            elif sym == "?" or sym == letter:
                row[k] = last[k - 1]
        last = row
    return last[len(p)]
