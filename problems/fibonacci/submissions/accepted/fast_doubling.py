# Independent method: every F(k) computed on its own by fast doubling,
# F(2m) = F(m) * (2F(m+1) - F(m)), F(2m+1) = F(m)^2 + F(m+1)^2.
def fib_pair(k):
    """Return (F(k), F(k+1))."""
    if k == 0:
        return 0, 1
    a, b = fib_pair(k >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if k & 1:
        return d, c + d
    return c, d


n = int(input())
for i in range(n):
    print(fib_pair(i)[0])
