#!/usr/bin/env python3
"""Writes every test of remove-duplicate-chars: data/sample/*.{in,ans} and data/secret/*.{in,ans}.

Run from anywhere: python3 generators/generate.py
.in = [s]; .ans = s without repeated characters. Answers come from
submissions/accepted/dict_fromkeys.py and are cross-checked against
submissions/accepted/seen_set.py and, up to 20000 characters, a brute force that keeps s[i]
exactly when it does not occur in s[:i]. Every .in is checked by input_validators/validate.py.
Fails loudly on any disagreement."""
import glob
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ACCEPTED = os.path.join(HERE, "submissions", "accepted")
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
MAX_LEN = 10**6

rng = random.Random(20250606)


def load(name: str):
    ns = {"__name__": "solution"}
    path = os.path.join(ACCEPTED, name)
    exec(compile(open(path, encoding="utf-8").read(), path, "exec"), ns)
    if "remove_duplicates" in ns:
        return ns["remove_duplicates"]
    return ns["Solution"]().remove_duplicates


REFERENCE = load("dict_fromkeys.py")
SECOND = load("seen_set.py")

TESTS = []  # (folder, name, s)


def add(folder: str, name: str, s: str) -> None:
    TESTS.append((folder, name, s))


def rand(n: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def code_points(lo: int, hi: int) -> list:
    """Every code point in [lo, hi) that is not a surrogate."""
    return [chr(c) for c in range(lo, hi) if not 0xD800 <= c <= 0xDFFF]


PRINTABLE = "".join(chr(c) for c in range(32, 127))


def build() -> None:
    add("sample", "01-basic", "programming")
    add("sample", "02-case-sensitive", "aAbBaA")
    add("sample", "03-empty", "")

    add("secret", "01-empty", "")
    add("secret", "02-single-char", "x")
    add("secret", "03-all-same", "aaaaaaa")
    add("secret", "04-already-unique", "abcdef")
    add("secret", "05-case-sensitive", "AaAaBbbB")
    add("secret", "06-spaces", "a  b  a ")
    add("secret", "07-non-adjacent-repeats", "abcabc")
    add("secret", "08-first-not-last", "abca")
    add("secret", "09-digits-punctuation", "1,2,3,1,2!?!")
    add("secret", "10-newlines-tabs", "a\nb\n\tc\t\n")
    add("secret", "11-unicode-bmp", "ééèaàé日本日本語")
    add("secret", "12-astral", "😀😁😀🐍😁𝔸𝔸")
    add("secret", "13-combining-marks", "e\u0301e\u0301é\u0301")
    add("secret", "14-zwj-family", "👨\u200d👩\u200d👧\u200d👦")
    add("secret", "15-control-chars", "\x00a\x00\x7f\x7f\x1b\x85\u2028\u2028")
    add("secret", "16-around-surrogates", "\ud7ff\ue000\uffff\U00010000\U0010ffff\ud7ff\U0010ffff")
    add("secret", "17-case-folding", "ßSSssẞİiIıΣσςσ")
    add("secret", "18-descending-order", "zyxzyx")
    for i in range(3):
        add("secret", f"19-random-small-{i + 1}", rand(rng.randint(5, 40), "abcAB 1"))
    add("secret", "20-random-medium", rand(10**5, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"))
    # Maximum size tests.
    add("secret", "21-max-two-chars", rand(MAX_LEN, "ab"))
    add("secret", "22-max-printable", rand(MAX_LEN, PRINTABLE))
    bmp = code_points(0, 0x10000)
    rng.shuffle(bmp)
    add("secret", "23-all-bmp-shuffled", "".join(bmp))
    cjk = code_points(0x4E00, 0x4E00 + 50_000)
    rng.shuffle(cjk)
    tail = [rng.choice(cjk) for _ in range(MAX_LEN - len(cjk))]
    add("secret", "24-max-many-distinct-then-repeats", "".join(cjk + tail))
    astral = code_points(0x10000, 0x10000 + 200_000)
    rng.shuffle(astral)
    add("secret", "25-100000-distinct-astral", "".join(astral[:100_000]))
    # Astral characters (4 bytes each in the string) with repeats: the naive `c not in result`
    # scans ~10^5 characters for each of 4*10^5 repeats.
    head = astral[:]
    rng.shuffle(head)
    tail = [rng.choice(astral) for _ in range(400_000)]
    add("secret", "26-200000-distinct-astral-then-repeats", "".join(head + tail))
    # The distinct characters start late: s.index(c) scans >= 4*10^5 characters for each of them.
    lead = rand(400_000, "ab")
    late = astral[:]
    rng.shuffle(late)
    tail = [rng.choice(late) for _ in range(MAX_LEN - len(lead) - len(late))]
    add("secret", "27-max-late-first-occurrences", lead + "".join(late + tail))


def brute(s: str) -> str:
    return "".join(c for i, c in enumerate(s) if c not in s[:i])


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
    for folder, name, s in TESTS:
        assert (folder, name) not in names
        names.add((folder, name))
        base = os.path.join(HERE, "data", folder, name)
        text = json.dumps([s], ensure_ascii=False) + "\n"
        with open(base + ".in", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        with open(base + ".in", "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True)
        if v.returncode != 42:
            sys.exit(f"validator rejected {base}.in: {v.stderr.decode()}")
        arg = json.loads(text)[0]
        ref = REFERENCE(arg)
        if ref != SECOND(arg):
            sys.exit(f"MISMATCH on {base}: reference and second solution disagree")
        if len(arg) <= 20000 and ref != brute(arg):
            sys.exit(f"MISMATCH on {base}: reference and brute force disagree")
        if len(set(ref)) != len(ref) or set(ref) != set(arg):
            sys.exit(f"MISMATCH on {base}: answer is not the distinct characters of s")
        with open(base + ".ans", "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(ref, ensure_ascii=False) + "\n")
        print(f"{folder}/{name}: len {len(arg)} -> {len(ref)} distinct")


if __name__ == "__main__":
    main()
