"""Input validator (Kattis protocol) for is-prime: a JSON array [n] holding one integer with
-10^12 <= n <= 10^12. Exit 42 when valid, 43 otherwise."""
import json
import sys


def fail(msg: str) -> None:
    print(msg, file=sys.stderr)
    sys.exit(43)


try:
    args = json.loads(sys.stdin.buffer.read())
except ValueError as e:
    fail(f"not JSON: {e}")
if not isinstance(args, list) or len(args) != 1:
    fail("expected a JSON array of 1 argument [n]")
n = args[0]
if type(n) is not int or not -10**12 <= n <= 10**12:
    fail(f"n = {n!r} is not an integer in [-10^12, 10^12]")
sys.exit(42)
