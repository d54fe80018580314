import re
import sys

data = sys.stdin.read()
ok = re.fullmatch(r"[1-9]\d*\n", data) is not None
n = int(data) if ok else 0
if not ok or not 4 <= n <= 10**12 or all(n % d for d in range(2, min(n, 10**6 + 4))):
    print("want one composite 4 <= n <= 10^12 with a factor under 10^6", file=sys.stderr)
    sys.exit(43)
sys.exit(42)
