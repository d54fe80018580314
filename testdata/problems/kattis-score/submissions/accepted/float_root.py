"""A float's square root: accepted, with only the digits a double holds (about 14 a test)."""
import math

print(f"{math.sqrt(int(input())):.15f}")
