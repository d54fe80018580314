# Works on raw bytes: readlines() keeps each b"\n"; only the last line may lack it.
import sys


def main() -> None:
    lines = sys.stdin.buffer.readlines()
    if lines and not lines[-1].endswith(b"\n"):
        lines[-1] += b"\n"
    lines.reverse()
    sys.stdout.buffer.write(b"".join(lines))


if __name__ == "__main__":
    main()
