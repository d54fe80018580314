def piece_at(text, piece, pos):
    # does piece (with ? as any char) match text at pos?
    if pos + len(piece) > len(text):
        return False
    return all(p == '?' or p == t for p, t in zip(piece, text[pos:pos + len(piece)]))


def find_piece(text, piece, start):
    for pos in range(start, len(text) - len(piece) + 1):
        if piece_at(text, piece, pos):
            return pos
    return -1


def is_match(text, pattern):
    parts = pattern.split('*')
    if len(parts) == 1:
        return len(text) == len(pattern) and piece_at(text, pattern, 0)
    head, tail = parts[0], parts[-1]
    if len(head) + len(tail) > len(text):
        return False
    if not piece_at(text, head, 0) or not piece_at(text, tail, len(text) - len(tail)):
        return False
    cursor = len(head)
    limit = len(text) - len(tail)
    for mid in parts[1:-1]:
        found = find_piece(text[:limit], mid, cursor)
        if found < 0:
            return False
        cursor = found + len(mid)
    return True
