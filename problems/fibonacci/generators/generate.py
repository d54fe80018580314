"""Writes data/sample and data/secret. Run from the problem directory: python3 generators/generate.py

Answers come from submissions/accepted/iterative.py; submissions/accepted/fast_doubling.py and an
in-process check (brute-force recursion for small n, the defining recurrence otherwise) must agree,
and every .in must pass input_validators/validate.py."""
import glob
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REFERENCE = os.path.join(ROOT, "submissions", "accepted", "iterative.py")
SECOND = os.path.join(ROOT, "submissions", "accepted", "fast_doubling.py")
VALIDATOR = os.path.join(ROOT, "input_validators", "validate.py")

rng = random.Random(20240611)

SAMPLE = [
    ("01-five", "5\n"),
    ("02-ten", "10\n"),
]

SECRET = [
    ("01-zero", "0\n"),
    ("02-one", "1\n"),
    ("03-two", "2\n"),
    ("04-three", "3\n"),
    ("05-eight", "8\n"),
    ("06-twenty", "20\n"),
    ("07-random-small", f"{rng.randint(21, 30)}\n"),
    ("08-past-int32", "48\n"),  # F(47) = 2971215073 > 2^31 - 1
    ("09-float-breaks", "80\n"),  # F(71) and later are not exact as doubles
    ("10-past-int64", "94\n"),  # F(93) > 2^63 - 1
    ("11-hundred", "100\n"),
    ("12-no-final-newline", "250"),
    ("13-random-medium", f"{rng.randint(101, 400)}\n"),
    ("14-random-medium", f"{rng.randint(101, 400)}\n"),
    ("15-random-large", f"{rng.randint(401, 900)}\n"),
    ("16-random-large", f"{rng.randint(401, 900)}\n"),
    ("17-random-large", f"{rng.randint(901, 997)}\n"),
    ("18-max-minus-two", "998\n"),
    ("19-max-minus-one", "999\n"),
    ("20-max", "1000\n"),
    ("21-max-no-final-newline", "1000"),
]


def run(path: str, data: str) -> str:
    p = subprocess.run([sys.executable, path], input=data, capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        sys.exit(f"{os.path.basename(path)} failed: {p.stderr}")
    return p.stdout


def brute(n: int) -> str:
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)

    return "".join(f"{fib(i)}\n" for i in range(n))


def by_recurrence(n: int) -> str:
    f = [0, 1]
    while len(f) < n:
        f.append(f[-1] + f[-2])
    return "".join(f"{x}\n" for x in f[:n])


def main() -> None:
    for group in ("sample", "secret"):
        d = os.path.join(ROOT, "data", group)
        os.makedirs(d, exist_ok=True)
        for f in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(f).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(f)
    for group, tests in (("sample", SAMPLE), ("secret", SECRET)):
        for name, data in tests:
            base = os.path.join(ROOT, "data", group, name)
            with open(base + ".in", "w", newline="") as f:
                f.write(data)
            with open(base + ".in", "rb") as f:
                v = subprocess.run([sys.executable, VALIDATOR], stdin=f, capture_output=True, text=True)
            if v.returncode != 42:
                sys.exit(f"{group}/{name}.in rejected by the input validator: {v.stderr}")
            n = int(data)
            ans = run(REFERENCE, data)
            check = brute(n) if n <= 20 else by_recurrence(n)
            if ans != check or run(SECOND, data) != ans:
                sys.exit(f"{group}/{name}: solutions disagree")
            with open(base + ".ans", "w", newline="") as f:
                f.write(ans)
            print(f"{group}/{name}: n = {n}")


if __name__ == "__main__":
    main()
