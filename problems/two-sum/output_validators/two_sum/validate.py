"""Output validator for two-sum: a validator function (problem.yaml's validator_function), called
by the judge once per test as validate(input, answer, output) on the three texts.

The output is the JSON the function returned. Accepted (True) when it is an array of exactly two
integers i != j, both in range, with nums[i] + nums[j] == target; any such pair is fine, the
.ans only holds one for reference. Otherwise wrong answer, with the reason as the message."""
import json


def validate(input: str, answer: str, output: str) -> "bool | str":
    nums, target = json.loads(input)
    try:
        got = json.loads(output)
    except ValueError:
        return f"returned value is not JSON: {output[:100]!r}"
    if not isinstance(got, list) or len(got) != 2:
        return f"expected a list of two indices, got {output[:100]}"
    i, j = got
    if type(i) is not int or type(j) is not int:
        return f"indices must be integers, got {got!r}"
    n = len(nums)
    if not (0 <= i < n and 0 <= j < n):
        return f"index out of range [0, {n}): {got!r}"
    if i == j:
        return f"the two indices must differ, got {got!r}"
    if nums[i] + nums[j] != target:
        return f"nums[{i}] + nums[{j}] = {nums[i] + nums[j]}, target is {target}"
    return True
