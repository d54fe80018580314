a, b = map(float, input().split())
print("%.9f" % (a * a + b * b) ** 0.5)
