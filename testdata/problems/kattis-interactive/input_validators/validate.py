"""Input validator: one line "N secret", 1 <= secret <= N <= 10^9. Exit 42 when valid."""
import re
import sys

data = sys.stdin.read()
m = re.fullmatch(r"([1-9][0-9]*) ([1-9][0-9]*)\n", data)
if m and 1 <= int(m.group(2)) <= int(m.group(1)) <= 10**9:
    sys.exit(42)
sys.exit(43)
