"""Writes data/sample and data/secret. Run from the problem directory: python3 generators/generate.py

Each test is one call reverse_string(s). The .ans is the reference's result
(submissions/accepted/slice.py); submissions/accepted/two_pointers.py and an index loop written
here must agree. Files are UTF-8 JSON (non-ASCII characters unescaped, to keep the data small).
Every .in must pass input_validators/validate.py."""
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
MAX_N = 10**6

rng = random.Random(0xC0DE_F00D)

ASCII = [chr(c) for c in range(32, 127)] + ["\n", "\t"]
BMP = ([chr(c) for c in range(0xC0, 0x250)]          # Latin-1 supplement, Latin extended
       + [chr(c) for c in range(0x5D0, 0x5EB)]       # Hebrew
       + [chr(c) for c in range(0x627, 0x64B)]       # Arabic
       + [chr(c) for c in range(0x4E00, 0x4F00)]     # CJK
       + ["\u200d", "\ufeff", "\u2028", "\u00a0"])   # ZWJ, BOM, line separator, no-break space
COMBINING = [chr(c) for c in range(0x300, 0x370)]
EMOJI = [chr(c) for c in range(0x1F300, 0x1FA00)]


def astral() -> str:
    if rng.random() < 0.7:
        return rng.choice(EMOJI)
    return chr(rng.randint(0x10000, 0x10FFFF))


def mixed(n: int) -> str:
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            out.append(rng.choice(ASCII))
        elif r < 0.65:
            out.append(rng.choice(BMP))
        elif r < 0.75:
            out.append(rng.choice(COMBINING))
        else:
            out.append(astral())
    return "".join(out)


def load(name: str):
    path = os.path.join(ROOT, "submissions", "accepted", name)
    g = {"__name__": "solution", **{k: getattr(typing, k) for k in ("List", "Dict", "Optional", "Tuple", "Set", "Any")}}
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), g)
    return g["reverse_string"] if "reverse_string" in g else g["Solution"]().reverse_string


def by_index(s: str) -> str:
    out = []
    i = len(s) - 1
    while i >= 0:
        out.append(s[i])
        i -= 1
    return "".join(out)


def tests():
    sample = [("01-hello", "hello"), ("02-empty", ""), ("03-emoji", "ab😀c")]
    secret = [
        ("01-empty", ""),
        ("02-single-char", "a"),
        ("03-two-chars", "ab"),
        ("04-palindrome", "racecar"),
        ("05-leading-trailing-spaces", "  padded text  "),
        ("06-whitespace-only", " \t\n \r\n "),
        ("07-quotes-and-backslashes", 'say "hi" \\ C:\\path\\n \'q\''),
        ("08-control-chars", "line1\nline2\r\n\tcol\x00nul\x1fend\x7f"),
        ("09-latin-accents", "café naïve Ærøskøbing"),
        ("10-combining-marks", "e\u0301le\u0300ve\u0300 n\u0303o\u0308\u0332"),
        ("11-cjk", "漢字とカタカナのテスト"),
        ("12-astral-emoji", "😀🎉👍"),
        ("13-astral-between-ascii", "a😀b𝄞c"),
        ("14-zwj-sequence", "👩\u200d💻 and 👨\u200d👩\u200d👧"),
        ("15-regional-indicator-flags", "🇫🇷🇩🇪🇯🇵"),
        ("16-skin-tone-modifier", "👍🏽👋🏿"),
        ("17-right-to-left", "שלום עולם مرحبا"),
        ("18-special-code-points", "\ufeffBOM\u2028LS\u2029PS\ufffd\uffff\U0010ffff\U00010000"),
        ("19-random-small", mixed(rng.randint(20, 60))),
        ("20-random-5000", mixed(5000)),
        ("21-random-100000", mixed(10**5)),
        ("22-max-ascii", "".join(rng.choice(ASCII) for _ in range(MAX_N))),
        ("23-large-all-astral", "".join(astral() for _ in range(3 * 10**5))),
        ("24-max-mixed", mixed(MAX_N)),
    ]
    return sample, secret


def main() -> None:
    reference, second = load("slice.py"), load("two_pointers.py")
    for group in ("sample", "secret"):
        d = os.path.join(ROOT, "data", group)
        os.makedirs(d, exist_ok=True)
        for f in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(f).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(f)
    sample, secret = tests()
    for group, cases in (("sample", sample), ("secret", secret)):
        for name, s in cases:
            base = os.path.join(ROOT, "data", group, name)
            with open(base + ".in", "w", encoding="utf-8") as f:
                f.write(json.dumps([s], ensure_ascii=False) + "\n")
            with open(base + ".in", "rb") as f:
                v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True, text=True)
            if v.returncode != 42:
                sys.exit(f"{group}/{name}.in rejected by the input validator: {v.stderr}")
            ans = reference(s)
            if second(s) != ans or by_index(s) != ans or by_index(ans) != s:
                sys.exit(f"{group}/{name}: solutions disagree")
            with open(base + ".ans", "w", encoding="utf-8") as f:
                f.write(json.dumps(ans, ensure_ascii=False) + "\n")
            # The harness returns the value as ASCII-escaped JSON; it must fit the output limit.
            assert len(json.dumps(ans)) < 12 << 20, name
            print(f"{group}/{name}: {len(s)} code points")


if __name__ == "__main__":
    main()
