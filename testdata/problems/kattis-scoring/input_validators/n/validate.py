import re
import sys

data = sys.stdin.read()
if not re.fullmatch(r"[1-9]\d*\n", data) or int(data) > 10**12:
    print("want one integer 1 <= n <= 10^12 on a line", file=sys.stderr)
    sys.exit(43)
sys.exit(42)
