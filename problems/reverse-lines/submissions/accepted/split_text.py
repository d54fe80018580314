# Reference: split on "\n" only; a trailing "" after the final "\n" is not a line.
import sys


def main() -> None:
    data = sys.stdin.read()
    lines = data.split("\n")
    if lines[-1] == "":
        lines.pop()  # "" for empty input, or the nothing after a final "\n"
    sys.stdout.write("".join(line + "\n" for line in reversed(lines)))


if __name__ == "__main__":
    main()
