import re
import sys

data = sys.stdin.read()
if not re.fullmatch(r"[1-9]\d*\n", data) or not 3 <= int(data) <= 10**9:
    print("want one integer 3 <= n <= 10^9", file=sys.stderr)
    sys.exit(43)
sys.exit(42)
