#!/usr/bin/env python3
"""Writes every test of reverse-lines: data/sample/*.{in,ans} and data/secret/*.{in,ans}.

Run from anywhere: python3 generators/generate.py
Each test is built as a list of lines plus "does the file end with \\n". Answers come from
submissions/accepted/split_text.py and are cross-checked against
submissions/accepted/binary_readlines.py and against the answer computed from the generator's
own list of lines (no parsing involved). Every .in is checked by input_validators/validate.py.
Fails loudly on any disagreement."""
import glob
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(HERE, "submissions", "accepted", "split_text.py")
SECOND = os.path.join(HERE, "submissions", "accepted", "binary_readlines.py")
VALIDATOR = os.path.join(HERE, "input_validators", "validate.py")
MAX_BYTES = 8 * 10**6
MAX_LINES = 10**5

rng = random.Random(20250602)

LOOKALIKE_BREAKS = "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"
CONTROLS = "\x00\t\x7f\x1b\ufeff\u200b\u00a0"
UNICODE = "éüßñçøÆабвгαβγ日本語中文한국어عربيשלום😀🎉🇫🇷𝔸🐍\U0010fffd\u0301\u0308"
PRINTABLE = "".join(chr(c) for c in range(32, 127))
WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "lorem", "ipsum",
         "dolor", "sit", "amet", "judge", "line", "text", "", " ", "\t"]

TESTS = []  # (folder, name, lines, final_newline)


def add(folder: str, name: str, lines, final_newline: bool = True) -> None:
    TESTS.append((folder, name, list(lines), final_newline))


def rand(n: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def sentence() -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 8)))


def random_line(alphabet: str, max_len: int) -> str:
    r = rng.random()
    if r < 0.1:
        return ""
    if r < 0.2:
        return rand(rng.randint(1, 3), " \t")
    if r < 0.5:
        return sentence()
    return rand(rng.randint(1, max_len), alphabet)


def build() -> None:
    add("sample", "01-basic", ["first", "second", "third"])
    add("sample", "02-blank-lines-no-final-newline",
        ["alpha", "", "  indented", "trailing spaces  ", "last line without newline"],
        final_newline=False)

    add("secret", "01-empty", [])
    add("secret", "02-single-newline", [""])
    add("secret", "03-single-line-no-newline", ["hello"], final_newline=False)
    add("secret", "04-single-line", ["hello"])
    add("secret", "05-two-blank-lines", ["", ""])
    add("secret", "06-blank-lines-mixed", ["", "", "a", "", "", "b", "", ""])
    add("secret", "07-leading-trailing-whitespace",
        ["  two leading", "two trailing  ", "\ttab", "tab\t", " ", "\t", "   ", " \t ",
         "a  b", "end  "])
    add("secret", "08-no-final-newline", ["one", "two", "three", "four"], final_newline=False)
    add("secret", "09-no-final-newline-after-blanks", ["a", "", "", "b"], final_newline=False)
    add("secret", "10-no-final-newline-space", ["x", " "], final_newline=False)
    add("secret", "11-whitespace-only-lines", [" ", "\t", "  ", "\t\t", " \t", ""])
    add("secret", "12-unicode", ["héllo wörld", "привет мир", "你好，世界", "안녕하세요",
                                 "مرحبا بالعالم", "שלום עולם", "😀🎉🐍", "🇫🇷🇩🇪",
                                 "👨\u200d👩\u200d👧", "e\u0301 and é", "𝔸𝔹ℂ",
                                 "\U0010fffd\U00020000"])
    add("secret", "13-line-break-lookalikes",
        ["a\u2028b", "\u2029", "c\x85d", "\x0b", "page\x0cbreak", "\x1c\x1d\x1e",
         "ends with\u2028", "\x85starts", "plain"])
    add("secret", "14-lookalikes-no-final-newline", ["first", "x\u2028"], final_newline=False)
    add("secret", "15-control-chars", ["\ufeffbom at start of input", "nul\x00byte", "\x00",
                                       "del\x7f", "\x1b[31mred\x1b[0m", "zero\u200bwidth",
                                       "nbsp\u00a0", "\t\x0b\x0c"])
    add("secret", "16-single-char-lines", list("abcdefghijklmnopqrstuvwxyz"))
    add("secret", "17-duplicate-lines", ["same"] * 5 + ["other"] + ["same"] * 5 + [""] * 3 +
        ["same"])
    add("secret", "18-random-small", [random_line(PRINTABLE, 30) for _ in range(500)],
        final_newline=False)
    add("secret", "19-random-unicode", [random_line(UNICODE + LOOKALIKE_BREAKS + CONTROLS + "ab ", 40)
                                        for _ in range(3000)])
    add("secret", "20-few-long-lines", [rand(30_000, PRINTABLE) for _ in range(10)])

    # Maximum size tests (kept well below 8 MB each so the committed data stays small).
    add("secret", "21-max-lines", [random_line(PRINTABLE, 70) for _ in range(MAX_LINES)])
    add("secret", "22-max-blank-lines", [""] * MAX_LINES)
    add("secret", "23-max-lines-no-final-newline",
        [random_line("abc \t", 12) for _ in range(MAX_LINES - 1)] + ["end"],
        final_newline=False)
    add("secret", "24-max-one-long-line", [rand(1_000_000, PRINTABLE + "\t")], final_newline=False)
    add("secret", "25-max-unicode", [random_line(UNICODE + LOOKALIKE_BREAKS + CONTROLS + "xy ", 20)
                                     for _ in range(MAX_LINES)])


def encode(lines, final_newline: bool) -> bytes:
    assert len(lines) <= MAX_LINES
    if not lines:
        return b""
    assert final_newline or lines[-1] != "", "an empty last line needs its newline"
    assert all("\n" not in l and "\r" not in l for l in lines)
    text = "\n".join(lines) + ("\n" if final_newline else "")
    data = text.encode("utf-8")
    assert len(data) <= MAX_BYTES
    return data


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
        data = encode(lines, final_newline)
        with open(base + ".in", "wb") as f:
            f.write(data)
        with open(base + ".in", "rb") as f:
            v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True)
        if v.returncode != 42:
            sys.exit(f"validator rejected {base}.in: {v.stderr.decode()}")
        ref = run(REFERENCE, base + ".in")
        second = run(SECOND, base + ".in")
        expected = "".join(l + "\n" for l in reversed(lines)).encode("utf-8")
        if not (ref == second == expected):
            sys.exit(f"MISMATCH on {base}: reference/second/expected disagree")
        with open(base + ".ans", "wb") as f:
            f.write(ref)
        print(f"{folder}/{name}: {len(lines)} lines, {len(data)} bytes")


if __name__ == "__main__":
    main()
