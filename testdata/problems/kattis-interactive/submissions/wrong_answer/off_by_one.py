"""Binary search that never guesses N itself: wrong when the number is N."""
n = int(input())
lo, hi = 1, max(1, n - 1)
while True:
    g = (lo + hi) // 2
    print(g, flush=True)
    word = input()
    if word == "correct":
        break
    if word == "lower":
        hi = g - 1
    else:
        lo = min(g + 1, hi)
