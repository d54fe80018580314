"""Input validator: one whole number 2..1000 that is not a square. Exit 42 when valid."""
import math
import re
import sys

data = sys.stdin.read()
ok = re.fullmatch(r"[1-9][0-9]*\n", data) is not None
n = int(data) if ok else 0
sys.exit(42 if ok and 2 <= n <= 1000 and math.isqrt(n) ** 2 != n else 43)
