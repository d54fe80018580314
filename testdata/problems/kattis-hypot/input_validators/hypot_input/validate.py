import re
import sys

data = sys.stdin.read()
if not re.fullmatch(r"\d+(\.\d+)? \d+(\.\d+)?\n", data):
    print("want two non-negative numbers on one line", file=sys.stderr)
    sys.exit(43)
sys.exit(42)
