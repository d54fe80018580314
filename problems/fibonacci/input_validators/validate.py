"""Input validator (Kattis protocol): one integer n, 0 <= n <= 1000, no leading zeros or signs,
optionally followed by a single newline. Exit 42 when valid, 43 otherwise."""
import re
import sys


def fail(msg: str) -> None:
    print(msg, file=sys.stderr)
    sys.exit(43)


data = sys.stdin.buffer.read()
m = re.fullmatch(rb"(0|[1-9][0-9]*)\n?", data)
if not m:
    fail(f"expected one non-negative integer on one line, got {data[:50]!r}")
n = int(m.group(1))
if not 0 <= n <= 1000:
    fail(f"n = {n} out of range [0, 1000]")
sys.exit(42)
