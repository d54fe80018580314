"""Binary search over 1..N: at most ceil(log2(N + 1)) guesses."""
n = int(input())
lo, hi = 1, n
while True:
    g = (lo + hi) // 2
    print(g, flush=True)
    word = input()
    if word == "correct":
        break
    if word == "lower":
        hi = g - 1
    else:
        lo = g + 1
