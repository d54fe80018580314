#!/usr/bin/env python3
"""Writes data/sample and data/secret for merge-sort.

Run from the problem directory: python3 generators/generate.py
Seeded, so re-running gives the same files. Answers come from
submissions/accepted/top_down.py and are cross-checked against submissions/accepted/bottom_up.py
and against Python's sorted() (the generator may use it, submissions may not) on every test.
Every .in is checked by input_validators/validate.py. Any mismatch aborts.
"""
import glob
import json
import os
import random
import subprocess
import sys
from typing import List

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 1945
MAX_N = 10 ** 5
MAX_ABS = 10 ** 18


def load(rel, name):
    path = os.path.join(HERE, rel)
    ns = {"__name__": "solution", "List": List}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), ns)
    if callable(ns.get(name)):
        return ns[name]
    return getattr(ns["Solution"](), name)


def plan():
    rng = random.Random(SEED)
    t = []

    def add(folder, name, items):
        if folder == "secret":
            name = "%02d-%s" % (sum(1 for x in t if x[0] == "secret") + 1, name)
        t.append((folder, name, items))

    def rand(n, lo, hi):
        return [rng.randint(lo, hi) for _ in range(n)]

    add("sample", "01-small", [5, 2, 4, 6, 1, 3])
    add("sample", "02-negatives-duplicates", [3, -1, 0, 3, -7, 2, -1])
    add("sample", "03-empty", [])

    s = "secret"
    add(s, "empty", [])
    add(s, "single", [42])
    add(s, "two-sorted", [1, 2])
    add(s, "two-reversed", [2, 1])
    add(s, "all-equal", [7] * 10)
    add(s, "duplicates-across-halves", [3, 1, 3, 1, 2, 2])
    add(s, "negatives-and-zero", [0, -5, 3, -5, 0, -1, 8, -100])
    add(s, "extremes", [MAX_ABS, -MAX_ABS, 0, 2 ** 31 - 1, 2 ** 31, -2 ** 31 - 1, -2 ** 31,
                        2 ** 59, -2 ** 59, MAX_ABS, 1, -1])
    add(s, "already-sorted-small", list(range(-10, 11)))
    add(s, "reversed-small", list(range(20, -1, -1)))
    add(s, "small-random", rand(10, -100, 100))
    add(s, "small-many-duplicates", rand(50, 0, 3))
    add(s, "odd-length", rand(101, -10 ** 6, 10 ** 6))
    add(s, "power-of-two-plus-one", rand(1025, -MAX_ABS, MAX_ABS))
    add(s, "medium-random", rand(5000, -10 ** 9, 10 ** 9))
    add(s, "max-random", rand(MAX_N, -MAX_ABS, MAX_ABS))
    add(s, "max-sorted", sorted(rand(MAX_N, -10 ** 9, 10 ** 9)))
    add(s, "max-reversed", sorted(rand(MAX_N, -10 ** 9, 10 ** 9), reverse=True))
    add(s, "max-all-equal", [-3] * MAX_N)
    add(s, "max-few-distinct", rand(MAX_N, 0, 9))
    add(s, "max-small-range-negatives", rand(MAX_N, -1000, 1000))
    half = sorted(rand(MAX_N // 2, -10 ** 6, 10 ** 6))
    add(s, "max-organ-pipe", half + half[::-1])
    add(s, "max-random-32-bit", rand(MAX_N, -2 ** 31, 2 ** 31 - 1))
    return t


def validate(path):
    with open(path, "rb") as f:
        p = subprocess.run([sys.executable, os.path.join(HERE, "input_validators", "validate.py")],
                           stdin=f, capture_output=True)
    if p.returncode != 42:
        sys.exit("validator rejected %s: %s" % (path, p.stderr.decode()))


def main():
    for folder in ("sample", "secret"):
        d = os.path.join(HERE, "data", folder)
        os.makedirs(d, exist_ok=True)
        for old in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(old).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(old)
    ref = load("submissions/accepted/top_down.py", "merge_sort")
    alt = load("submissions/accepted/bottom_up.py", "merge_sort")
    tests = plan()
    for folder, name, items in tests:
        base = os.path.join(HERE, "data", folder, name)
        with open(base + ".in", "w", encoding="utf-8") as f:
            f.write(json.dumps([items], separators=(",", ":")) + "\n")
        validate(base + ".in")
        ans = ref(list(items))
        if alt(list(items)) != ans:
            sys.exit("%s: bottom_up disagrees with the reference" % name)
        if sorted(items) != ans:
            sys.exit("%s: sorted() disagrees with the reference" % name)
        with open(base + ".ans", "w", encoding="utf-8") as f:
            f.write(json.dumps(ans, separators=(",", ":")) + "\n")
    print("wrote %d tests" % len(tests))


if __name__ == "__main__":
    main()
