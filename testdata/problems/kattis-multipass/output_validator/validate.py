"""Output validator of Forget and Remember (multi-pass, Kattis protocol).

Pass 1 (the input says encode): the output must be one whole number of at most 200 digits; the
validator writes nextpass.in (decode and that number) and notes the number in its feedback
folder, which the judge keeps for the next pass. Pass 2 (decode): the output must be the word
of the answer file. Exit 42 accepts (a pass, or the test), 43 rejects.
"""
import os
import re
import sys


def main():
    kind = open(sys.argv[1]).read().split()[0]
    word = open(sys.argv[2]).read().strip()
    feedback = sys.argv[3]
    out = sys.stdin.read().strip()

    def verdict(code, message):
        with open(os.path.join(feedback, "judgemessage.txt"), "w") as f:
            f.write(message + "\n")
        sys.exit(code)

    if kind == "encode":
        if not re.fullmatch(r"[0-9]{1,200}", out):
            verdict(43, f"pass 1: want one whole number of at most 200 digits, got {out[:40]!r}")
        with open(os.path.join(feedback, "nextpass.in"), "w") as f:
            f.write(f"decode\n{out}\n")
        with open(os.path.join(feedback, "encoded.txt"), "w") as f:
            f.write(out)
        verdict(42, "pass 1: encoded")
    # Pass 2: the folder still holds what pass 1 noted.
    try:
        noted = open(os.path.join(feedback, "encoded.txt")).read()
    except OSError:
        verdict(1, "pass 2 without the feedback folder of pass 1")
    if noted != open(sys.argv[1]).read().split()[1]:
        verdict(1, "pass 2's input is not what pass 1 printed")
    if out != word:
        verdict(43, f"pass 2: decoded {out[:40]!r}, want {word[:40]!r}")
    verdict(42, "pass 2: decoded")


if __name__ == "__main__":
    main()
