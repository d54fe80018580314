# The DP over pattern characters, one row per character, a row stored as the bits of an int:
# bit i set <=> text[:i] matches the pattern prefix read so far.
def is_match(text: str, pattern: str) -> bool:
    n = len(text)
    full = (1 << (n + 1)) - 1
    where = {}
    for i, c in enumerate(text):
        where[c] = where.get(c, 0) | (1 << (i + 1))
    row = 1
    for p in pattern:
        if p == '*':
            # every prefix at least as long as the shortest one matched so far
            row = full & ~((row & -row) - 1)
        elif p == '?':
            row = (row << 1) & full
        else:
            row = (row << 1) & where.get(p, 0)
        if not row:
            return False
    return bool(row >> n & 1)
