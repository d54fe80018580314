def compress(pattern):
    out = []
    for ch in pattern:
        if ch == "*" and out and out[-1] == "*":
            continue
        out.append(ch)
    return "".join(out)


def is_match(text: str, pattern: str) -> bool:
    pattern = compress(pattern)
    prev = [False] * (len(pattern) + 1)
    prev[0] = True
    for j in range(1, len(pattern) + 1):
        prev[j] = prev[j - 1] and pattern[j - 1] == "*"
    for ch in text:
        cur = [False] * (len(pattern) + 1)
        for j in range(1, len(pattern) + 1):
            pc = pattern[j - 1]
            if pc == "*":
                cur[j] = cur[j - 1] or prev[j]
            elif pc == "?" or pc == ch:
                cur[j] = prev[j - 1]
        prev = cur
    return prev[len(pattern)]
