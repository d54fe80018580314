a, b = map(int, input().split())
print("café", a + b)
