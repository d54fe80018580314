"""Input validator (Kattis protocol) for two-sum: a JSON array [nums, target] with
2 <= len(nums) <= 10^5, |nums[i]| <= 10^9, |target| <= 10^9, all plain integers, and at least
one pair i != j with nums[i] + nums[j] == target. Exit 42 when valid, 43 otherwise."""
import json
import sys

LIMIT = 10**9


def fail(msg: str) -> None:
    print(msg, file=sys.stderr)
    sys.exit(43)


def is_int(x) -> bool:
    return type(x) is int


try:
    args = json.loads(sys.stdin.buffer.read())
except ValueError as e:
    fail(f"not JSON: {e}")
if not isinstance(args, list) or len(args) != 2:
    fail("expected a JSON array of 2 arguments [nums, target]")
nums, target = args
if not isinstance(nums, list) or not 2 <= len(nums) <= 10**5:
    fail("nums must be an array of 2 to 10^5 integers")
for i, v in enumerate(nums):
    if not is_int(v) or not -LIMIT <= v <= LIMIT:
        fail(f"nums[{i}] = {v!r} is not an integer in [-10^9, 10^9]")
if not is_int(target) or not -LIMIT <= target <= LIMIT:
    fail(f"target = {target!r} is not an integer in [-10^9, 10^9]")
seen = set()
for v in nums:
    if target - v in seen:
        sys.exit(42)
    seen.add(v)
fail("no pair sums to target")
