# Classic mistake: hard-codes the first two values, so n = 1 prints "0 1".
n = int(input())
if n > 0:
    print(0)
    print(1)
a, b = 1, 2
for _ in range(n - 2):
    print(a)
    a, b = b, a + b
