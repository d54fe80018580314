"""Output validator of Digits of a Root (legacy `validation: custom score`).

Accepts an output whose integer part is right and writes score.txt: the number of correct digits
after the point, at most 60. Rejects (43) anything else, with judgemessage.txt.
"""
import os
import re
import sys


def main():
    answer = open(sys.argv[2]).read().strip()
    feedback = sys.argv[3]
    out = sys.stdin.read().strip()

    def write(name, text):
        with open(os.path.join(feedback, name), "w") as f:
            f.write(text + "\n")

    m = re.fullmatch(r"([0-9]+)\.([0-9]{1,60})", out)
    whole, frac = answer.split(".")
    if not m or m.group(1) != whole:
        write("judgemessage.txt", f"want {whole}.<digits>, got {out[:40]!r}")
        sys.exit(43)
    correct = 0
    for got, want in zip(m.group(2), frac):
        if got != want:
            break
        correct += 1
    write("judgemessage.txt", f"{correct} correct digits")
    write("score.txt", str(correct))
    sys.exit(42)


if __name__ == "__main__":
    main()
