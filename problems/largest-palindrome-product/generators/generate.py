#!/usr/bin/env python3
"""Writes data/sample and data/secret for largest-palindrome-product.

Run from the problem directory: python3 generators/generate.py
Seeded, so re-running gives the same files. Answers come from
submissions/accepted/palindromes_from_top.py and are cross-checked against
submissions/accepted/pruned_pairs.py on every test and against an all-pairs brute force for
n <= 3. Every .in is checked by input_validators/validate.py. Any mismatch aborts.
"""
import glob
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 479
MAX_N = 7


def load(rel, name):
    path = os.path.join(HERE, rel)
    ns = {"__name__": "solution"}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), ns)
    if callable(ns.get(name)):
        return ns[name]
    return getattr(ns["Solution"](), name)


def brute(n):
    lo, hi = 10 ** (n - 1), 10 ** n - 1
    best = 0
    for a in range(lo, hi + 1):
        for b in range(a, hi + 1):
            s = str(a * b)
            if s == s[::-1]:
                best = max(best, a * b)
    return best


def validate(path):
    with open(path, "rb") as f:
        p = subprocess.run([sys.executable, os.path.join(HERE, "input_validators", "validate.py")],
                           stdin=f, capture_output=True)
    if p.returncode != 42:
        sys.exit("validator rejected %s: %s" % (path, p.stderr.decode()))


def plan():
    rng = random.Random(SEED)
    sample = [("01-one-digit", 1), ("02-two-digits", 2)]
    secret = [("%02d-n%d" % (n, n), n) for n in range(1, MAX_N + 1)]
    # Repeats in a seeded shuffled order, so a submission cannot pass by remembering the order.
    repeats = [1, 2, 3, 3, 4, 5, 5, 6, 6, 7, 7, 7]
    rng.shuffle(repeats)
    for n in repeats:
        secret.append(("%02d-n%d-again" % (len(secret) + 1, n), n))
    secret.append(("%02d-n%d-max" % (len(secret) + 1, MAX_N), MAX_N))
    return [("sample", name, n) for name, n in sample] + [("secret", name, n) for name, n in secret]


def main():
    for folder in ("sample", "secret"):
        d = os.path.join(HERE, "data", folder)
        os.makedirs(d, exist_ok=True)
        for old in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(old).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(old)
    ref = load("submissions/accepted/palindromes_from_top.py", "largest_palindrome_product")
    alt = load("submissions/accepted/pruned_pairs.py", "largest_palindrome_product")
    cache = {}
    for folder, name, n in plan():
        base = os.path.join(HERE, "data", folder, name)
        with open(base + ".in", "w", encoding="utf-8") as f:
            f.write(json.dumps([n]) + "\n")
        validate(base + ".in")
        if n not in cache:
            ans = ref(n)
            if alt(n) != ans:
                sys.exit("mismatch for n=%d: reference %r, pruned_pairs %r" % (n, ans, alt(n)))
            if n <= 3 and brute(n) != ans:
                sys.exit("mismatch for n=%d: reference %r, brute force %r" % (n, ans, brute(n)))
            cache[n] = ans
        with open(base + ".ans", "w", encoding="utf-8") as f:
            f.write(json.dumps(cache[n]) + "\n")
    print("wrote %d tests" % len(plan()))


if __name__ == "__main__":
    main()
