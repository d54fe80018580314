# A different right answer from the .ans files'.
n = int(input())
a = (n - 1) // 2
print(a, n - a)
