import sys


def reverse_lines(lines: list) -> list:
    # TODO: return the lines in reverse order.
    return lines


def main() -> None:
    data = sys.stdin.read()
    lines = data.split("\n")  # careful: what does a final "\n" (or an empty input) give here?
    for line in reverse_lines(lines):
        sys.stdout.write(line + "\n")


if __name__ == "__main__":
    main()
