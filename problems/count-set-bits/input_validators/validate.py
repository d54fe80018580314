"""Input validator (Kattis protocol) for count-set-bits: a JSON array [n] holding one integer
with -2^31 <= n <= 2^31 - 1. Exit 42 when valid, 43 otherwise."""
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
if type(n) is not int or not -2**31 <= n <= 2**31 - 1:
    fail(f"n = {n!r} is not an integer in [-2^31, 2^31 - 1]")
sys.exit(42)
