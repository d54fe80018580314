import sys


def is_palindrome(line: str) -> bool:
    # TODO: return True when line reads the same reversed (exact comparison).
    return False


def main() -> None:
    lines = sys.stdin.read().split("\n")
    t = int(lines[0])
    out = []
    for i in range(1, t + 1):
        out.append("YES" if is_palindrome(lines[i]) else "NO")
    print("\n".join(out))


if __name__ == "__main__":
    main()
