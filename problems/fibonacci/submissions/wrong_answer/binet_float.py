# Classic mistake: Binet's closed form in floating point. Exact up to F(70), wrong from F(71) on.
import math

n = int(input())
phi = (1 + math.sqrt(5)) / 2
for i in range(n):
    print(round(phi ** i / math.sqrt(5)))
