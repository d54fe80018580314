# Naive: textbook double recursion, O(phi^n) per value.
def fib(k):
    if k < 2:
        return k
    return fib(k - 1) + fib(k - 2)


n = int(input())
for i in range(n):
    print(fib(i))
