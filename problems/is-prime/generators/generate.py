"""Writes data/sample and data/secret. Run from the problem directory: python3 generators/generate.py

Each test is one call is_prime(n). The .ans is the reference's result
(submissions/accepted/trial_division.py); submissions/accepted/miller_rabin.py and a plain
trial division written here (by every d with d * d <= n, so it is slow but obviously right)
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
MAX = 10**12

rng = random.Random(97_2024)


def load(name: str):
    path = os.path.join(ROOT, "submissions", "accepted", name)
    g = {"__name__": "solution", **{k: getattr(typing, k) for k in ("List", "Dict", "Optional", "Tuple", "Set", "Any")}}
    with open(path) as f:
        exec(compile(f.read(), path, "exec"), g)
    return g["is_prime"] if "is_prime" in g else g["Solution"]().is_prime


def brute(n: int) -> bool:
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def prime_at_or_below(n: int) -> int:
    while not brute(n):
        n -= 1
    return n


def random_prime(lo: int, hi: int) -> int:
    while True:
        n = rng.randint(lo, hi)
        if brute(n):
            return n


def chernick_carmichael() -> int:
    """The largest (6k+1)(12k+1)(18k+1) <= 10^12 with all three factors prime: a Carmichael
    number, so every Fermat test with a base coprime to it says 'prime'."""
    best = None
    k = 1
    while (6 * k + 1) * (12 * k + 1) * (18 * k + 1) <= MAX:
        if brute(6 * k + 1) and brute(12 * k + 1) and brute(18 * k + 1):
            best = (6 * k + 1) * (12 * k + 1) * (18 * k + 1)
        k += 1
    return best


def tests():
    sample = [("01-seven", 7), ("02-twelve", 12), ("03-negative", -7)]
    p_max = prime_at_or_below(MAX)
    p1 = prime_at_or_below(10**6)
    p2 = prime_at_or_below(p1 - 1)
    secret = [
        ("01-min", -MAX),
        ("02-negative-of-prime", -7),
        ("03-minus-one", -1),
        ("04-zero", 0),
        ("05-one", 1),
        ("06-two", 2),
        ("07-three", 3),
        ("08-four", 4),
        ("09-nine", 9),
        ("10-square-of-prime", 25),
        ("11-small-prime", 97),
        ("12-fermat-pseudoprime-341", 341),
        ("13-carmichael-561", 561),
        ("14-strong-pseudoprime-2047", 2047),
        ("15-strong-pseudoprime-bases-2-to-7", 3215031751),
        ("16-large-prime-square", p1 * p1),
        ("17-large-semiprime", p1 * p2),
        ("18-large-carmichael", chernick_carmichael()),
        ("19-int32-max-prime", 2**31 - 1),
        ("20-random-prime-1e9", random_prime(10**9, 2 * 10**9)),
        ("21-random-composite", rng.randrange(10**11, MAX) | 1),
        ("22-random-prime-1e11", random_prime(10**11, MAX)),
        ("23-random-prime-near-max", random_prime(MAX - 10**7, MAX)),
        ("24-max-minus-one", MAX - 1),
        ("25-max", MAX),
        ("26-largest-prime", p_max),
        ("27-negative-largest-prime", -p_max),
    ]
    return sample, secret


def main() -> None:
    reference, second = load("trial_division.py"), load("miller_rabin.py")
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
            if second(n) is not ans or brute(n) is not ans:
                sys.exit(f"{group}/{name}: solutions disagree on {n}")
            with open(base + ".ans", "w") as f:
                f.write(json.dumps(ans) + "\n")
            print(f"{group}/{name}: {n} -> {ans}")


if __name__ == "__main__":
    main()
