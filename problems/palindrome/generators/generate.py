#!/usr/bin/env python3
"""Writes every test of palindrome: data/sample/*.{in,ans} and data/secret/*.{in,ans}.

Run from the problem directory: python3 generators/generate.py
Answers come from submissions/accepted/slice_reverse.py and are cross-checked against
submissions/accepted/two_pointers.py and a brute force over the generator's own lines (which
does not parse the file at all). Every .in is checked by input_validators/validate.py.
Fails loudly on any disagreement."""
import glob
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(HERE, "submissions", "accepted", "slice_reverse.py")
SECOND = os.path.join(HERE, "submissions", "accepted", "two_pointers.py")
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
MAX_T = 10**4
MAX_CHARS = 2 * 10**6

rng = random.Random(20250601)

LOOKALIKE_BREAKS = "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"
CONTROLS = "\x00\t\x7f\ufeff\u200b\u00a0\u3000"
BMP = "éèàüßñçøåÆŒабвгдежαβγδ日本語中文한국어ـعربيשלום"
ASTRAL = "😀😁🎉🇫🇷𝔸𝔹𝄞🐍\U0010fffd\U00020000"
COMBINING = "\u0301\u0308\u0327"
PRINTABLE = "".join(chr(c) for c in range(32, 127))
UNICODE_POOL = "ab A" + BMP + ASTRAL + COMBINING + LOOKALIKE_BREAKS + CONTROLS


def pal(n: int, alphabet: str) -> str:
    half = "".join(rng.choice(alphabet) for _ in range(n // 2))
    mid = rng.choice(alphabet) if n % 2 else ""
    return half + mid + half[::-1]


def rand(n: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def break_at(s: str, pos: int, alphabet: str) -> str:
    """s with position pos changed so that s is no longer a palindrome."""
    n = len(s)
    other = n - 1 - pos
    assert pos != other
    c = rng.choice([ch for ch in alphabet if ch != s[other]])
    return s[:pos] + c + s[pos + 1:]


def mixed(n: int, alphabet: str) -> str:
    r = rng.random()
    if r < 0.45:
        return pal(n, alphabet)
    if r < 0.9 and n >= 2:
        return break_at(pal(n, alphabet), rng.randrange(n), alphabet) if n % 2 == 0 else \
            break_at(pal(n, alphabet), rng.choice([i for i in range(n) if i != n // 2]), alphabet)
    return rand(n, alphabet)


TESTS = []  # (folder, name, lines, final_newline)


def add(folder: str, name: str, lines, final_newline: bool = True) -> None:
    TESTS.append((folder, name, list(lines), final_newline))


def build() -> None:
    add("sample", "01-basic", ["racecar", "hello", "", "Abba", "a"])
    add("sample", "02-spaces", ["a b a", "never odd or even", " x", "x x", "noon "])

    add("secret", "01-single-char", ["z"])
    add("secret", "02-single-empty-line", [""])
    add("secret", "03-single-space", [" "])
    add("secret", "04-two-chars", ["aa", "ab", "ba", "  ", "a ", " a", "Aa", "11", "12", "\t\t"])
    add("secret", "05-case-sensitive", ["Aa", "aA", "AbBa", "abba", "ABBA", "AbbA", "Racecar",
                                        "RacecaR", "ÉtÉ", "Été", "ΣσΣ", "Σσς"])
    add("secret", "06-inner-spaces", ["a a", "a  a", "ab a", "a ba", "a b a", "  ", "   a   ",
                                      "taco cat", "tacocat", "nurses run", "a  b  a", "a b  a"])
    add("secret", "07-leading-trailing-whitespace", ["aba ", " aba", " aba ", "\taba", "aba\t",
                                                     "\taba\t", "  aba ", "x  ", "  x", "\t \t",
                                                     " \t ", " \t", "    ", "abba  ", "  abba  "])
    add("secret", "08-punctuation", ["A man, a plan, a canal: Panama", "amanaplanacanalpanama",
                                     "Was it a car or a cat I saw?", "No 'x' in Nixon", "!!",
                                     "!?!", ".,.", "12321", "123321", "1231", "0", "-1-", "(())",
                                     "())("])
    blanks = []
    for i in range(60):
        blanks.append("" if rng.random() < 0.6 else mixed(rng.randint(1, 6), "ab "))
    blanks[0] = ""
    blanks[-1] = ""
    add("secret", "09-blank-lines", blanks)
    add("secret", "10-all-blank", [""] * 50)
    add("secret", "11-unicode-bmp", ["été", "ete", "éte", "абвба", "абвг", "日本日", "日本",
                                     "ÅbÅ", "ßß", "ẞß", "αβγβα", "你好你", "ñoñ", "ñon",
                                     "שלוםםולש", "عربي", "ab\u00a0ba"])
    add("secret", "12-unicode-astral", ["😀", "😀😀", "😀😁", "😀a😀", "a😀😀a", "𝔸𝔹𝔸", "𝔸𝔹",
                                        "🇫🇷🇷🇫", "🇫🇷", "👨\u200d👩\u200d👧",
                                        "👩\u200d👩", "🐍 🐍", "\U0010fffd", "\U00020000x"])
    add("secret", "13-combining-marks", ["e\u0301", "e\u0301e", "\u0301e\u0301", "é", "éé",
                                         "e\u0301e\u0301", "a\u0308a", "\u0308", "c\u0327\u0327c",
                                         "o\u0308o\u0308"])
    add("secret", "14-line-break-lookalikes", ["a\u2028a", "\u2028b", "x\x85y\x85x", "\x0c",
                                               "a\x0cb", "\x1c\x1d\x1c", "\x1e\x1d", "\u2029",
                                               "ab\u2028ba", "\x0b\x0b", "\x0bq", "last"])
    add("secret", "15-control-and-invisible", ["\x00", "a\x00a", "\x00a", "\t", "\x7f\x7f",
                                                "\ufeffa\ufeff", "\ufeffa", "\u200ba", "\u200b",
                                                "\u00a0 \u00a0", "\u3000x\u3000", "x\u3000"])
    add("secret", "16-missing-final-newline", ["abc", "x", "level"], final_newline=False)
    add("secret", "17-missing-final-newline-single", ["ab "], final_newline=False)
    add("secret", "18-last-line-empty", ["aba", "ab", ""])
    near = []
    for n in range(2, 52):
        p = pal(n, "xyz")
        for pos in sorted({0, n - 1, n // 2 - 1 if n % 2 == 0 else n // 2 - 1, rng.randrange(n)}):
            if pos != n - 1 - pos:
                near.append(break_at(p, pos, "xyz"))
        near.append(p)
    add("secret", "19-near-palindromes", near)
    add("secret", "20-random-small-binary", [rand(rng.randint(0, 12), "ab") for _ in range(2000)])
    add("secret", "21-random-unicode", [mixed(rng.randint(0, 40), UNICODE_POOL) for _ in range(3000)])

    # Maximum size tests.
    lines, budget = [], MAX_CHARS - len(str(MAX_T)) - 1
    for i in range(MAX_T):
        n = rng.randint(150, 198)
        lines.append(mixed(n, PRINTABLE))
        budget -= n + 1
    assert budget >= 0, budget
    add("secret", "22-max-T-short-lines", lines)
    n = MAX_CHARS - 3  # "1\n" + line + "\n"
    add("secret", "23-max-long-palindrome", [pal(n, "ab ")])
    p = pal(n, "ab ")
    add("secret", "24-max-long-mismatch-middle", [break_at(p, n // 2 - 1, "ab ")])
    add("secret", "25-max-astral-palindrome", [pal(500_001, ASTRAL + "éa ")])
    lines = []
    total = 0
    for i in range(MAX_T - 1):
        n = rng.randint(0, 80)
        lines.append(mixed(n, UNICODE_POOL))
        total += n + 1
    long_n = MAX_CHARS - total - len(str(MAX_T)) - 2
    lines.insert(rng.randrange(len(lines)), pal(long_n, "xyz\u2028"))
    add("secret", "26-max-mixed-lengths", lines)
    add("secret", "27-long-nonpalindrome-ends", [break_at(pal(200_000, "ab"), 0, "ab")])


def encode(lines, final_newline: bool) -> bytes:
    assert 1 <= len(lines) <= MAX_T
    assert final_newline or lines[-1] != "", "an empty last line needs its newline"
    text = str(len(lines)) + "\n" + "\n".join(lines) + ("\n" if final_newline else "")
    assert "\r" not in text and len(text) <= MAX_CHARS, len(text)
    return text.encode("utf-8")


def brute(lines):
    out = []
    for s in lines:
        n = len(s)
        ok = all(s[k] == s[n - 1 - k] for k in range(n))
        out.append("YES" if ok else "NO")
    return out


def run(prog: str, path: str) -> bytes:
    with open(path, "rb") as f:
        r = subprocess.run([sys.executable, prog], stdin=f, capture_output=True, timeout=120)
    if r.returncode != 0:
        sys.exit(f"{prog} failed on {path}: {r.stderr.decode()[-500:]}")
    return r.stdout


def main() -> None:
    build()
    for folder in ("sample", "secret"):
        d = os.path.join(HERE, "data", folder)
        os.makedirs(d, exist_ok=True)
        for f in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(f).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(f)
    names = set()
    for folder, name, lines, final_newline in TESTS:
        assert (folder, name) not in names
        names.add((folder, name))
        base = os.path.join(HERE, "data", folder, name)
        with open(base + ".in", "wb") as f:
            f.write(encode(lines, final_newline))
        with open(base + ".in", "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True)
        if v.returncode != 42:
            sys.exit(f"validator rejected {base}.in: {v.stderr.decode()}")
        ref = run(REFERENCE, base + ".in")
        second = run(SECOND, base + ".in")
        expected = ("\n".join(brute(lines)) + "\n").encode()
        if not (ref == second == expected):
            sys.exit(f"MISMATCH on {base}: reference/second/brute disagree")
        with open(base + ".ans", "wb") as f:
            f.write(ref)
        print(f"{folder}/{name}: {len(lines)} lines, {sum(map(len, lines))} chars")


if __name__ == "__main__":
    main()
