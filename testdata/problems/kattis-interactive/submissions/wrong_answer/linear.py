"""Guesses 1, 2, 3, ...: right on small N, out of guesses on large ones (the validator then
stops answering, and input() meets the end of its input: judged WA, not RE)."""
n = int(input())
for g in range(1, n + 1):
    print(g, flush=True)
    if input() == "correct":
        break
