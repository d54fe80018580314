import math
a, b = map(float, input().split())
print(math.hypot(a, b))
