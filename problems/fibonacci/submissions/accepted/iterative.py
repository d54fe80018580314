# Reference: two running values, O(n) additions on big ints.
import sys


def main() -> None:
    n = int(sys.stdin.read())
    a, b = 0, 1
    out = []
    for _ in range(n):
        out.append(a)
        a, b = b, a + b
    sys.stdout.write("".join(f"{x}\n" for x in out))


if __name__ == "__main__":
    main()
