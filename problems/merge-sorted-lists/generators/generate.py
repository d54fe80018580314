"""Writes data/sample and data/secret. Run from the problem directory: python3 generators/generate.py

The .ans is the reference's result (submissions/accepted/iterative.py, run on real ListNode
chains the way the judge runs it); submissions/accepted/collect_and_sort.py and sorted(l1 + l2)
must agree. Every .in must pass input_validators/validate.py."""
import glob
import json
import os
import random
import subprocess
import sys
import typing

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
VALIDATOR = os.path.join(ROOT, "input_validators", "validate.py")
LIMIT = 10**9
MAX_N = 10**5

rng = random.Random(424242)


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


def build(values):
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def read(head):
    out = []
    while head is not None:
        out.append(head.val)
        head = head.next
    return out


def load(name: str):
    path = os.path.join(ROOT, "submissions", "accepted", name)
    g = {"__name__": "solution", "ListNode": ListNode,
         **{k: getattr(typing, k) for k in ("List", "Dict", "Optional", "Tuple", "Set", "Any")}}
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), g)
    return g["merge_two_lists"] if "merge_two_lists" in g else g["Solution"]().merge_two_lists


def rand_sorted(n, lo=-LIMIT, hi=LIMIT):
    return sorted(rng.randint(lo, hi) for _ in range(n))


def tests():
    sample = [
        ("01-example", [[1, 2, 4], [1, 3, 4]]),
        ("02-both-empty", [[], []]),
        ("03-one-empty", [[], [0]]),
    ]
    evens = list(range(0, 2 * MAX_N, 2))
    odds = list(range(1, 2 * MAX_N, 2))
    secret = [
        ("01-both-empty", [[], []]),
        ("02-first-empty", [[], [7]]),
        ("03-second-empty", [[1, 2, 3], []]),
        ("04-single-each", [[2], [1]]),
        ("05-equal-singletons", [[1], [1]]),
        ("06-first-all-smaller", [[1, 2, 3], [4, 5, 6]]),
        ("07-second-all-smaller", [[4, 5, 6], [1, 2, 3]]),
        ("08-alternating", [[1, 3, 5, 7], [2, 4, 6, 8]]),
        ("09-duplicates-across", [[1, 2, 2, 4], [2, 2, 3, 4, 4]]),
        ("10-all-equal", [[5, 5, 5], [5, 5]]),
        ("11-negatives", [[-10, -3, 0], [-5, -4, 7]]),
        ("12-extremes", [[-LIMIT, LIMIT], [-LIMIT, 0, LIMIT]]),
        ("13-short-and-long", [[50], list(range(0, 100))]),
        ("14-random-small", [rand_sorted(rng.randint(5, 20), -50, 50), rand_sorted(rng.randint(5, 20), -50, 50)]),
        ("15-random-1000", [rand_sorted(1000), rand_sorted(1000)]),
        ("16-random-unequal", [rand_sorted(10**4, -1000, 1000), rand_sorted(10, -1000, 1000)]),
        ("17-max-first-empty", [[], list(range(-MAX_N // 2, MAX_N // 2))]),
        ("18-max-second-empty", [rand_sorted(MAX_N, -10**6, 10**6), []]),
        ("19-max-first-all-smaller", [list(range(MAX_N)), list(range(MAX_N, 2 * MAX_N))]),
        ("20-max-second-all-smaller", [list(range(MAX_N, 2 * MAX_N)), list(range(MAX_N))]),
        ("21-max-alternating", [evens, odds]),
        ("22-max-all-equal", [[-1] * MAX_N, [-1] * MAX_N]),
        ("23-max-random", [rand_sorted(MAX_N), rand_sorted(MAX_N)]),
    ]
    return sample, secret


def main() -> None:
    reference, second = load("iterative.py"), load("collect_and_sort.py")
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
            # Compact separators: the largest tests hold 2 * 10^5 numbers.
            sep = (", ", ": ") if sum(map(len, args)) <= 100 else (",", ":")
            with open(base + ".in", "w") as f:
                f.write(json.dumps(args, separators=sep) + "\n")
            with open(base + ".in", "rb") as f:
                v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True, text=True)
            if v.returncode != 42:
                sys.exit(f"{group}/{name}.in rejected by the input validator: {v.stderr}")
            ans = read(reference(build(args[0]), build(args[1])))
            if read(second(build(args[0]), build(args[1]))) != ans or sorted(args[0] + args[1]) != ans:
                sys.exit(f"{group}/{name}: solutions disagree")
            with open(base + ".ans", "w") as f:
                f.write(json.dumps(ans, separators=sep) + "\n")
            print(f"{group}/{name}: {len(args[0])} + {len(args[1])}")


if __name__ == "__main__":
    main()
