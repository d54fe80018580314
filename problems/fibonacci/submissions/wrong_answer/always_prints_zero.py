# Classic mistake: prints F(0) unconditionally, so n = 0 yields "0" instead of nothing.
n = int(input())
print(0)
a, b = 1, 1
for _ in range(n - 1):
    print(a)
    a, b = b, a + b
