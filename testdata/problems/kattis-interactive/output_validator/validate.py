"""Interactive output validator of Guess the Number (Kattis protocol).

python3 validate.py input answer feedback_dir < submission's output > submission's input
The input holds N and the secret; the answer, the number of guesses allowed. Exit 42 when the
submission found the number within its guesses and wrote nothing more, 43 otherwise, with the
reason in feedback_dir/judgemessage.txt.
"""
import os
import sys


def main():
    with open(sys.argv[1]) as f:
        n, secret = map(int, f.read().split())
    with open(sys.argv[2]) as f:
        allowed = int(f.read())
    feedback = sys.argv[3]

    def verdict(code, message):
        with open(os.path.join(feedback, "judgemessage.txt"), "w") as f:
            f.write(message + "\n")
        sys.exit(code)

    def say(word):
        try:
            sys.stdout.write(word + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            verdict(43, "the submission stopped reading")

    say(str(n))
    for guess_no in range(1, allowed + 1):
        line = sys.stdin.readline()
        if not line:
            verdict(43, f"the submission ended after {guess_no - 1} guesses without finding the number")
        try:
            g = int(line)
        except ValueError:
            verdict(43, f"guess {guess_no} is not a number: {line.strip()[:40]!r}")
        if not 1 <= g <= n:
            verdict(43, f"guess {guess_no} ({g}) is outside 1..{n}")
        if g == secret:
            say("correct")
            rest = sys.stdin.read()
            if rest.strip():
                verdict(43, f"output after the number was found: {rest.strip()[:40]!r}")
            verdict(42, f"found in {guess_no} guesses")
        say("lower" if secret < g else "higher")
    verdict(43, f"not found in the {allowed} guesses allowed")


if __name__ == "__main__":
    main()
