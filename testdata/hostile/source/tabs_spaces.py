def f(a, b):
    if a:
	return a + b
        return a + b


a, b = map(int, input().split())
print(f(a, b))
