#!/usr/bin/env python3
"""Writes every test of slicing: data/sample/*.{in,ans} and data/secret/*.{in,ans}.

Run from anywhere: python3 generators/generate.py
.in = [items, start, stop, step]; .ans = the slice, or {"raises": "ValueError"} for step 0.
Answers come from submissions/accepted/adjust_indices.py and are cross-checked against
submissions/accepted/two_directions.py and against Python's own items[start:stop:step] (the
generator may slice; submissions may not). Every .in is checked by
input_validators/validate.py. Fails loudly on any disagreement."""
import glob
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACCEPTED = os.path.join(HERE, "submissions", "accepted")
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
MAX_LEN = 10**5
BIG = 10**18

rng = random.Random(20250604)


def load(name: str):
    ns = {"__name__": "solution"}
    path = os.path.join(ACCEPTED, name)
    exec(compile(open(path, encoding="utf-8").read(), path, "exec"), ns)
    if "slice_list" in ns:
        return ns["slice_list"]
    return ns["Solution"]().slice_list


REFERENCE = load("adjust_indices.py")
SECOND = load("two_directions.py")
RAISES = {"raises": "ValueError"}

TESTS = []  # (folder, name, [items, start, stop, step])


def add(folder: str, name: str, items, start, stop, step) -> None:
    TESTS.append((folder, name, [items, start, stop, step]))


def ten():
    return list(range(10))


def rand_bound(n: int):
    r = rng.random()
    if r < 0.25:
        return None
    if r < 0.9:
        return rng.randint(-n - 5, n + 5)
    return rng.choice([-BIG, BIG, -n - 1, n, -n, n - 1, 0, -1])


def rand_step():
    r = rng.random()
    if r < 0.2:
        return None
    if r < 0.25:
        return 0
    if r < 0.95:
        return rng.choice([-1, 1, -2, 2, -3, 3, 5, -7])
    return rng.choice([BIG, -BIG, 11, -13])


def build() -> None:
    add("sample", "01-basic", ten(), 2, 8, 2)
    add("sample", "02-reverse", ["a", "b", "c", "d", "e"], None, None, -1)
    add("sample", "03-step-zero", [1, 2, 3], None, None, 0)

    add("secret", "01-empty-defaults", [], None, None, None)
    add("secret", "02-empty-reverse", [], None, None, -1)
    add("secret", "03-empty-step-zero", [], None, None, 0)
    add("secret", "04-empty-explicit-bounds", [], -3, 3, 2)
    add("secret", "05-all-none-copy", [1, 2, 3], None, None, None)
    add("secret", "06-single-element", [42], 0, 1, 1)
    add("secret", "07-single-element-reverse", [42], None, None, -1)
    add("secret", "08-negative-start-stop", ten(), -3, -1, None)
    add("secret", "09-start-after-stop", ten(), 7, 2, 1)
    add("secret", "10-start-below-minus-len-step-3", ten(), -15, None, 3)
    add("secret", "11-start-below-minus-len-reverse", ten(), -15, None, -1)
    add("secret", "12-stop-below-minus-len-reverse", ten(), None, -15, -1)
    add("secret", "13-stop-minus-one-reverse", ten(), 5, -1, -1)
    add("secret", "14-reverse-to-first", ten(), 3, None, -1)
    add("secret", "15-reverse-stop-zero", ten(), 5, 0, -2)
    add("secret", "16-start-beyond-len-reverse", ten(), 100, None, -3)
    add("secret", "17-start-beyond-len", ten(), 100, None, 1)
    add("secret", "18-stop-equals-len-reverse", ten(), None, 10, -1)
    add("secret", "19-step-larger-than-len", ten(), 1, None, 7)
    add("secret", "20-step-zero-with-bounds", [1, 2, 3], 1, 2, 0)
    add("secret", "21-mixed-types", [1, "two", None, True, False, [3, [4]], {"k": "v"}, 0,
                                     1.5, "ünï😀", "", [], {}], None, None, -2)
    add("secret", "22-huge-bounds", ten(), -BIG, BIG, 1)
    add("secret", "23-huge-bounds-reverse", ten(), BIG, -BIG, -1)
    add("secret", "24-huge-step", ten(), None, None, BIG)
    add("secret", "25-huge-negative-step", ten(), None, None, -BIG)
    for i in range(12):
        n = rng.randint(0, 30)
        items = [rng.randint(-99, 99) for _ in range(n)]
        start, stop, step = rand_bound(n), rand_bound(n), rand_step()
        if i % 2 == 0 and step and start is not None and stop is not None \
                and (start < stop) != (step > 0):
            start, stop = stop, start  # half of them walk in the step's direction
        add("secret", f"26-random-small-{i + 1:02d}", items, start, stop, step)
    n = 3000
    add("secret", "27-medium-reverse", [rng.randint(0, 10**9) for _ in range(n)], None, None, -1)
    # Maximum size tests.
    big = [rng.randint(-999, 9999) for _ in range(MAX_LEN)]
    add("secret", "28-max-copy", big, None, None, None)
    add("secret", "29-max-reverse", big, None, None, -1)
    add("secret", "30-max-huge-bounds", big, -BIG, BIG, 1)
    add("secret", "31-max-reverse-huge-bounds", big, BIG, -BIG, -1)
    strs = [rng.choice(["a", "bb", "", "ü", "😀", None, True]) for _ in range(MAX_LEN)]
    add("secret", "32-max-strings-step-minus-3", strs, -2, 5, -3)
    add("secret", "33-max-step-zero", big, None, None, 0)


def expected(args):
    items, start, stop, step = args
    try:
        return items[start:stop:step]
    except ValueError:
        return RAISES


def call(fn, args):
    items, start, stop, step = args
    try:
        return json.loads(json.dumps(fn(list(items), start, stop, step)))
    except ValueError:
        return RAISES


def main() -> None:
    build()
    for folder in ("sample", "secret"):
        dpath = os.path.join(HERE, "data", folder)
        os.makedirs(dpath, exist_ok=True)
        for f in glob.glob(os.path.join(dpath, "*.in")) + glob.glob(os.path.join(dpath, "*.ans")):
            if os.path.basename(f).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(f)
    names = set()
    for folder, name, args in TESTS:
        assert (folder, name) not in names
        names.add((folder, name))
        base = os.path.join(HERE, "data", folder, name)
        text = json.dumps(args, ensure_ascii=False) + "\n"
        with open(base + ".in", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        with open(base + ".in", "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True)
        if v.returncode != 42:
            sys.exit(f"validator rejected {base}.in: {v.stderr.decode()}")
        parsed = json.loads(text)
        ref = call(REFERENCE, parsed)
        if not (ref == call(SECOND, parsed) == json.loads(json.dumps(expected(parsed)))):
            sys.exit(f"MISMATCH on {base}: reference/second/items[start:stop:step] disagree")
        with open(base + ".ans", "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(ref, ensure_ascii=False) + "\n")
        shown = "raises ValueError" if ref == RAISES else f"{len(ref)} elements"
        print(f"{folder}/{name}: n={len(args[0])} start={args[1]} stop={args[2]} step={args[3]} -> {shown}")


if __name__ == "__main__":
    main()
