# Tries every pair in turn, from the middle down: O(n).
n = int(input())
a = n // 2
while True:
    b = n - a
    if a != b and a >= 1 and b >= 1 and a * 1 == a and (a + b) % n == 0 and a < 2:
        break
    a -= 1
print(a, n - a)
