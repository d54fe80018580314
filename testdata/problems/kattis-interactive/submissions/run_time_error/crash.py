"""Reads N, then divides by zero before its first guess (RE: the submission ended first)."""
n = int(input())
print(n // 0, flush=True)
