"""Writes data/sample and data/secret. Run from the problem directory: python3 generators/generate.py

Each test is one call count_set_bits(n). The .ans is the reference's result
(submissions/accepted/mask_bit_count.py); submissions/accepted/shift_each_bit.py and a count
written here from the definition (n mod 2^32 in base 2; for negatives also 32 minus the bits
of ~n) must agree. Every .in must pass input_validators/validate.py."""
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
MIN, MAX = -2**31, 2**31 - 1

rng = random.Random(0x5EB175)


def load(name: str):
    path = os.path.join(ROOT, "submissions", "accepted", name)
    g = {"__name__": "solution", **{k: getattr(typing, k) for k in ("List", "Dict", "Optional", "Tuple", "Set", "Any")}}
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), g)
    return g["count_set_bits"] if "count_set_bits" in g else g["Solution"]().count_set_bits


def by_definition(n: int) -> int:
    digits = format(n % 2**32, "032b")
    assert len(digits) == 32
    count = digits.count("1")
    if n < 0:
        assert count == 32 - format(~n, "b").count("1")
    return count


def signed(u: int) -> int:
    """The signed 32-bit integer with bit pattern u."""
    return u - 2**32 if u >= 2**31 else u


def tests():
    sample = [("01-eleven", 11), ("02-power-of-two", 128), ("03-minus-one", -1)]
    secret = [
        ("01-zero", 0),
        ("02-one", 1),
        ("03-two", 2),
        ("04-seven", 7),
        ("05-byte-all-ones", 255),
        ("06-power-of-two-30", 2**30),
        ("07-int-max", MAX),
        ("08-minus-one", -1),
        ("09-minus-two", -2),
        ("10-int-min", MIN),
        ("11-int-min-plus-one", MIN + 1),
        ("12-small-negative", -8),
        ("13-negative-power-of-two", -2**30),
        ("14-alternating-0x55555555", signed(0x55555555)),
        ("15-alternating-0xAAAAAAAA", signed(0xAAAAAAAA)),
        ("16-nibbles-0x0F0F0F0F", signed(0x0F0F0F0F)),
        ("17-high-half-0xFFFF0000", signed(0xFFFF0000)),
        ("18-low-half-0x0000FFFF", signed(0x0000FFFF)),
        ("19-random-positive", rng.randint(1, MAX)),
        ("20-random-positive", rng.randint(1, MAX)),
        ("21-random-negative", rng.randint(MIN, -1)),
        ("22-random-negative", rng.randint(MIN, -1)),
        ("23-random-small-negative", rng.randint(-1000, -1)),
        ("24-random-sparse", signed(sum(1 << b for b in rng.sample(range(32), 3)))),
    ]
    return sample, secret


def main() -> None:
    reference, second = load("mask_bit_count.py"), load("shift_each_bit.py")
    for group in ("sample", "secret"):
        d = os.path.join(ROOT, "data", group)
        os.makedirs(d, exist_ok=True)
        for f in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(f).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(f)
    sample, secret = tests()
    for group, cases in (("sample", sample), ("secret", secret)):
        for name, n in cases:
            base = os.path.join(ROOT, "data", group, name)
            with open(base + ".in", "w") as f:
                f.write(json.dumps([n]) + "\n")
            with open(base + ".in", "rb") as f:
                v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True, text=True)
            if v.returncode != 42:
                sys.exit(f"{group}/{name}.in rejected by the input validator: {v.stderr}")
            ans = reference(n)
            if second(n) != ans or by_definition(n) != ans:
                sys.exit(f"{group}/{name}: solutions disagree on {n}")
            with open(base + ".ans", "w") as f:
                f.write(json.dumps(ans) + "\n")
            print(f"{group}/{name}: {n} -> {ans}")


if __name__ == "__main__":
    main()
