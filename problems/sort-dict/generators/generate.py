#!/usr/bin/env python3
"""Writes every test of sort-dict: data/sample/*.{in,ans} and data/secret/*.{in,ans}.

Run from anywhere: python3 generators/generate.py
.in = [d] as JSON, keys in the generator's insertion order (the order matters: tied keys are
often inserted out of key order). Answers come from submissions/accepted/sorted_key_tuple.py,
cross-checked against submissions/accepted/group_by_value.py and, up to 3000 entries, a
brute force that places each entry by counting the entries smaller than it.
Every .in is checked by input_validators/validate.py. Fails loudly on any disagreement."""
import glob
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACCEPTED = os.path.join(HERE, "submissions", "accepted")
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
MAX_N = 10**5
BIG = 10**18

rng = random.Random(20250603)

ASCII_KEY = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_- "
UNICODE_KEY = "aAzZ_ éèEßẞñ日本語😀🐍𝔸\u0301\u2028\x00\t\"\\/ñ"


def load(name: str):
    ns = {"__name__": "solution"}
    path = os.path.join(ACCEPTED, name)
    exec(compile(open(path, encoding="utf-8").read(), path, "exec"), ns)
    if "sort_dict_by_value" in ns:
        return ns["sort_dict_by_value"]
    return ns["Solution"]().sort_dict_by_value


REFERENCE = load("sorted_key_tuple.py")
SECOND = load("group_by_value.py")

TESTS = []  # (folder, name, dict)


def add(folder: str, name: str, d: dict) -> None:
    TESTS.append((folder, name, d))


def rkey(alphabet: str, lo: int = 1, hi: int = 8) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def random_dict(n: int, value_of, alphabet: str = ASCII_KEY, lo: int = 1, hi: int = 8) -> dict:
    d = {}
    while len(d) < n:
        k = rkey(alphabet, lo, hi)
        if k not in d:
            d[k] = value_of()
    return d


def shuffled(d: dict) -> dict:
    items = list(d.items())
    rng.shuffle(items)
    return dict(items)


def build() -> None:
    add("sample", "01-basic", {"banana": 3, "apple": 1, "cherry": 2})
    add("sample", "02-ties", {"b": 1, "a": 1, "c": 0})

    add("secret", "01-empty", {})
    add("secret", "02-single", {"x": 5})
    add("secret", "03-empty-key", {"": 0})
    add("secret", "04-two-tied", {"b": 7, "a": 7})
    add("secret", "05-already-sorted", {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5})
    add("secret", "06-reverse-sorted", {"e": 5, "d": 4, "c": 3, "b": 2, "a": 1})
    add("secret", "07-negative-and-zero", {"p": 3, "m": -1, "z": 0, "n": -2, "q": -10, "o": 0,
                                           "r": -9, "s": 10})
    add("secret", "08-big-values", {"max": BIG, "min": -BIG, "two53+1": 2**53 + 1,
                                    "two53": 2**53, "two63": 2**63 - 1 if 2**63 - 1 <= BIG else BIG,
                                    "neg53": -(2**53) - 1, "zero": 0, "tie-max": BIG,
                                    "a-tie-min": -BIG, "one": 1})
    add("secret", "09-all-same-value", shuffled({k: 42 for k in
                                                 ["delta", "alpha", "echo", "bravo", "charlie",
                                                  "foxtrot", "golf", "hotel"]}))
    add("secret", "10-case-ties", {"b": 1, "B": 1, "a": 1, "A": 1, "_": 1, "Z": 1, "z": 1,
                                   "Apple": 0, "apple": 0, "APPLE": 0, "aPPLE": 0})
    add("secret", "11-prefix-keys", {"ab": 5, "aa": 5, "a ": 5, "a": 5, "": 5, "b": 4, "ba": 4,
                                     "b ": 4})
    add("secret", "12-digit-keys", {"9": 0, "10": 0, "100": 0, "1": 0, "01": 0, "2": 1,
                                    "11": 1, "-1": 1})
    add("secret", "13-unicode-keys", shuffled({"é": 1, "e": 1, "z": 1, "日本": 1, "😀": 1,
                                               "ß": 1, "e\u0301": 1, "ẞ": 1, "\x00": 1,
                                               "\t": 2, "\u2028": 2, "𝔸": 2, "\uffff": 2,
                                               "\U0010ffff": 2, "\"quoted\"": 2,
                                               "back\\slash": 2, "ñ": 0}))
    add("secret", "14-value-digit-counts", shuffled({"nine": 9, "ten": 10, "hundred": 100,
                                                     "minus5": -5, "minus10": -10,
                                                     "minus2": -2, "minus1": -1, "one": 1,
                                                     "two": 2, "big": 123456789012}))
    add("secret", "15-many-ties-small", random_dict(200, lambda: rng.randint(0, 3), "abcAB", 1, 4))
    add("secret", "16-random-small", random_dict(1000, lambda: rng.randint(-1000, 1000)))
    keys = sorted(random_dict(2000, lambda: 0))
    add("secret", "17-sorted-input-2000", {k: i // 3 for i, k in enumerate(keys)})
    add("secret", "18-random-medium", random_dict(20000, lambda: rng.randint(-BIG, BIG)))
    add("secret", "19-unicode-keys-medium",
        random_dict(20000, lambda: rng.randint(-5, 5), UNICODE_KEY, 0, 6))
    # Maximum size tests.
    add("secret", "20-max-random", random_dict(MAX_N, lambda: rng.randint(-10**6, 10**6), lo=3, hi=6))
    add("secret", "21-max-few-distinct-values", random_dict(MAX_N, lambda: rng.randint(-3, 3)))
    ks = list(random_dict(MAX_N, lambda: 0, "abcdefghij", 5, 6))
    ks.sort(reverse=True)
    add("secret", "22-max-all-equal-descending-keys", {k: 7 for k in ks})
    vals = sorted(rng.sample(range(-10**6, 10**6), MAX_N), reverse=True)
    add("secret", "23-max-descending-values",
        dict(zip(random_dict(MAX_N, lambda: 0, "klmnopqrst", 5, 6), vals)))


def brute(d: dict) -> list:
    items = list(d.items())
    out = [None] * len(items)
    for k, v in items:
        rank = sum(1 for k2, v2 in items if v2 < v or (v2 == v and k2 < k))
        assert out[rank] is None
        out[rank] = [k, v]
    return out


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
    for folder, name, d in TESTS:
        assert (folder, name) not in names
        names.add((folder, name))
        base = os.path.join(HERE, "data", folder, name)
        text = json.dumps([d], ensure_ascii=False) + "\n"
        with open(base + ".in", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        with open(base + ".in", "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True)
        if v.returncode != 42:
            sys.exit(f"validator rejected {base}.in: {v.stderr.decode()}")
        arg = json.loads(text)[0]  # exactly what the judge passes: parsed from the file
        ref = json.loads(json.dumps(REFERENCE(dict(arg))))
        second = json.loads(json.dumps(SECOND(dict(arg))))
        if ref != second:
            sys.exit(f"MISMATCH on {base}: reference and second solution disagree")
        if len(arg) <= 3000 and ref != brute(arg):
            sys.exit(f"MISMATCH on {base}: reference and brute force disagree")
        if len(ref) != len(arg):
            sys.exit(f"MISMATCH on {base}: entries lost")
        with open(base + ".ans", "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(ref, ensure_ascii=False) + "\n")
        print(f"{folder}/{name}: {len(d)} entries, {len(text)} chars")


if __name__ == "__main__":
    main()
