# Searches down from n - 1: the largest divisor is n / p, far below for big n.
n = int(input())
d = n - 1
while n % d:
    d -= 1
print(d)
