"""Output validator for two-sum (Kattis protocol):
python3 validate.py input answer feedback_dir < team_output

The team output is the JSON the function returned. Accepted (exit 42) when it is an array of
exactly two integers i != j, both in range, with nums[i] + nums[j] == target; any such pair is
fine, the .ans only holds one for reference. Otherwise wrong answer (exit 43) with a reason in
feedback_dir/judgemessage.txt."""
import json
import os
import sys


def verdict(ok: bool, msg: str = "") -> None:
    with open(os.path.join(sys.argv[3], "judgemessage.txt"), "w") as f:
        f.write(msg + "\n")
    sys.exit(42 if ok else 43)


def main() -> None:
    with open(sys.argv[1], "rb") as f:
        nums, target = json.loads(f.read())
    raw = sys.stdin.buffer.read()
    try:
        got = json.loads(raw)
    except ValueError:
        verdict(False, f"returned value is not JSON: {raw[:100]!r}")
    if not isinstance(got, list) or len(got) != 2:
        verdict(False, f"expected a list of two indices, got {raw[:100].decode('utf-8', 'replace')}")
    i, j = got
    if type(i) is not int or type(j) is not int:
        verdict(False, f"indices must be integers, got {got!r}")
    n = len(nums)
    if not (0 <= i < n and 0 <= j < n):
        verdict(False, f"index out of range [0, {n}): {got!r}")
    if i == j:
        verdict(False, f"the two indices must differ, got {got!r}")
    if nums[i] + nums[j] != target:
        verdict(False, f"nums[{i}] + nums[{j}] = {nums[i] + nums[j]}, target is {target}")
    verdict(True, "ok")


if __name__ == "__main__":
    main()
