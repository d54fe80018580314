# Prints the sequence with a recursive helper: depth n + 1, over the default recursion
# limit (1000) for the largest n.
def emit(i, n, a, b):
    if i == n:
        return
    print(a)
    emit(i + 1, n, b, a + b)


emit(0, int(input()), 0, 1)
