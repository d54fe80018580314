"""Input validator (Kattis protocol) for merge-sorted-lists: a JSON array [l1, l2] of two arrays
of at most 10^5 integers each, every value in [-10^9, 10^9], each array non-decreasing.
Exit 42 when valid, 43 otherwise."""
import json
import sys

LIMIT = 10**9


def fail(msg: str) -> None:
    print(msg, file=sys.stderr)
    sys.exit(43)


try:
    args = json.loads(sys.stdin.buffer.read())
except ValueError as e:
    fail(f"not JSON: {e}")
if not isinstance(args, list) or len(args) != 2:
    fail("expected a JSON array of 2 arguments [l1, l2]")
for k, lst in enumerate(args, 1):
    if not isinstance(lst, list) or len(lst) > 10**5:
        fail(f"l{k} must be an array of at most 10^5 integers")
    for i, v in enumerate(lst):
        if type(v) is not int or not -LIMIT <= v <= LIMIT:
            fail(f"l{k}[{i}] = {v!r} is not an integer in [-10^9, 10^9]")
        if i and lst[i - 1] > v:
            fail(f"l{k} is not sorted at index {i}")
sys.exit(42)
