"""A right search that spends seconds of CPU on each guess: over the CPU limit (TLE)."""
n = int(input())
lo, hi = 1, n
while True:
    g = (lo + hi) // 2
    x = 0
    for i in range(20_000_000):
        x += i
    print(g, flush=True)
    word = input()
    if word == "correct":
        break
    if word == "lower":
        hi = g - 1
    else:
        lo = g + 1
