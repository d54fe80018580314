"""Writes data/sample and data/secret. Run from the problem directory: python3 generators/generate.py

Every test is built with exactly the pairs it is meant to have. The .ans is the reference
answer (submissions/accepted/hash_map.py); the second accepted solution (sort + two pointers)
and, on small tests, an all-pairs brute force must also return a valid pair, and the output
validator must accept each of them. Every .in must pass input_validators/validate.py."""
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
import typing

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VALIDATOR = os.path.join(ROOT, "input_validators", "validate.py")
OUTPUT_VALIDATOR = os.path.join(ROOT, "output_validators", "two_sum", "validate.py")
LIMIT = 10**9
MAX_N = 10**5

rng = random.Random(1_000_003)


def load(name: str):
    """The function two_sum from a submission, executed the way the judge does."""
    path = os.path.join(ROOT, "submissions", "accepted", name)
    g = {"__name__": "solution", **{k: getattr(typing, k) for k in ("List", "Dict", "Optional", "Tuple", "Set", "Any")}}
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), g)
    return g["two_sum"] if "two_sum" in g else g["Solution"]().two_sum


def brute(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return None


def filler(n, target, lo, hi, avoid=()):
    """n values in [lo, hi], duplicates allowed, no two of them (nor one twice) summing to
    target, and none of them in avoid."""
    out, used = [], set()
    avoid = set(avoid)
    while len(out) < n:
        v = rng.randint(lo, hi)
        if v in avoid or target - v in avoid or 2 * v == target:
            continue
        if v not in used and target - v in used:
            continue
        used.add(v)
        out.append(v)
    return out


def with_pair(n, target, a, pos_a, pos_b, lo=-LIMIT, hi=LIMIT):
    """n numbers whose only pair is (pos_a, pos_b) holding a and target - a."""
    b = target - a
    nums = filler(n - 2, target, lo, hi, avoid=(a, b))
    pa, pb = sorted((pos_a % n, pos_b % n))
    first, second = (a, b) if pos_a % n < pos_b % n else (b, a)
    nums.insert(pa, first)
    nums.insert(pb, second)
    return nums


def random_case(n, lo, hi, pairs):
    """Random values with `pairs` planted pairs (more may occur by chance)."""
    target = rng.randint(max(-LIMIT, 2 * lo), min(LIMIT, 2 * hi))
    nums = [rng.randint(lo, hi) for _ in range(n - 2 * pairs)]
    for _ in range(pairs):
        a = rng.randint(max(lo, target - hi), min(hi, target - lo))
        nums.insert(rng.randint(0, len(nums)), a)
        nums.insert(rng.randint(0, len(nums)), target - a)
    return [nums, target]


def tests():
    sample = [
        ("01-example", [[2, 7, 11, 15], 9]),
        ("02-half-target", [[3, 2, 4], 6]),
        ("03-equal-values", [[3, 3], 6]),
    ]
    big_a = rng.randint(-LIMIT // 2, LIMIT // 2)
    secret = [
        ("01-min-two-elements", [[1, 2], 3]),
        ("02-equal-pair", [[5, 5], 10]),
        ("03-half-target-once", [[5, 1, 9, 4], 10]),
        ("04-all-negative", [[-1, -2, -3, -4, -5], -8]),
        ("05-zero-target", [[-3, 4, 3, 90], 0]),
        ("06-zeros", [[0, 4, 3, 0], 0]),
        ("07-element-above-target", [[7, -2, 12, 5], 5]),
        ("08-max-values", [[LIMIT, 3, 0, -7], LIMIT]),
        ("09-min-values", [[5, -LIMIT, 1, 0], -LIMIT]),
        ("10-extreme-opposites", [[LIMIT, 17, -LIMIT], 0]),
        ("11-pair-at-both-ends", [with_pair(10, 50, 20, 0, -1, -100, 100), 50]),
        ("12-many-duplicates", [[1] * 40 + [4] + [1] * 40, 5]),
        ("13-several-answers", random_case(30, -50, 50, 4)),
        ("14-random-small", random_case(12, -100, 100, 1)),
        ("15-random-small-negative", [with_pair(15, -30, -45, 3, 9, -100, 100), -30]),
        ("16-random-1000", random_case(1000, -LIMIT, LIMIT, 1)),
        ("17-random-10000", random_case(10**4, -LIMIT, LIMIT, 2)),
        ("18-max-pair-at-end", [with_pair(MAX_N, 123456789, 987654321, -2, -1), 123456789]),
        ("19-max-pair-at-both-ends", [with_pair(MAX_N, -5, big_a, 0, -1), -5]),
        ("20-max-half-target-trap", None),
        ("21-max-all-negative", [with_pair(MAX_N, -LIMIT, -400_000_000, -1, MAX_N // 2, -LIMIT, -1), -LIMIT]),
        ("22-max-duplicates", [[7] * (MAX_N - 2) + [3, 8], 11]),
        ("23-max-random", random_case(MAX_N, -LIMIT, LIMIT, 1)),
    ]
    # target / 2 sits once at index 0 (a trap for i == j) and the real pair is the last two.
    t = 400_000_000
    nums = with_pair(MAX_N - 1, t, 123, -2, -1, 0, LIMIT)
    assert t // 2 not in nums
    secret[19] = ("20-max-half-target-trap", [[t // 2] + nums, t])
    return sample, secret


def valid(args, got):
    nums, target = args
    return (isinstance(got, list) and len(got) == 2 and all(type(x) is int for x in got)
            and all(0 <= x < len(nums) for x in got) and got[0] != got[1]
            and nums[got[0]] + nums[got[1]] == target)


def main() -> None:
    reference, second = load("hash_map.py"), load("sort_two_pointers.py")
    for group in ("sample", "secret"):
        d = os.path.join(ROOT, "data", group)
        os.makedirs(d, exist_ok=True)
        for f in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(f).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(f)
    sample, secret = tests()
    for group, cases in (("sample", sample), ("secret", secret)):
        for name, args in cases:
            base = os.path.join(ROOT, "data", group, name)
            with open(base + ".in", "w") as f:
                f.write(json.dumps(args) + "\n")
            with open(base + ".in", "rb") as f:
                v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True, text=True)
            if v.returncode != 42:
                sys.exit(f"{group}/{name}.in rejected by the input validator: {v.stderr}")
            ans = reference(list(args[0]), args[1])
            answers = [ans, second(list(args[0]), args[1])]
            if len(args[0]) <= 2000:
                answers.append(brute(args[0], args[1]))
            for got in answers:
                if not valid(args, got):
                    sys.exit(f"{group}/{name}: invalid answer {got!r}")
            with open(base + ".ans", "w") as f:
                f.write(json.dumps(ans) + "\n")
            with tempfile.TemporaryDirectory() as fb:
                for got in answers:
                    p = subprocess.run([sys.executable, OUTPUT_VALIDATOR, base + ".in", base + ".ans", fb],
                                       input=json.dumps(got).encode(), capture_output=True)
                    if p.returncode != 42:
                        sys.exit(f"{group}/{name}: output validator rejected {got!r}: {p.stderr!r}")
            print(f"{group}/{name}: n = {len(args[0])}, answer {ans}")


if __name__ == "__main__":
    main()
