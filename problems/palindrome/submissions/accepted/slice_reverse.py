# Reference: split the whole input on "\n" only (never splitlines(), which also breaks on
# U+2028, U+0085, "\x0c", ...) and compare each line with its reverse.
import sys


def main() -> None:
    lines = sys.stdin.read().split("\n")
    t = int(lines[0])
    out = []
    for i in range(1, t + 1):
        s = lines[i]
        out.append("YES" if s == s[::-1] else "NO")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
