def bucket(n):
    if n < 10:
        return 0
    if n < 100:
        return 1
    return 2
