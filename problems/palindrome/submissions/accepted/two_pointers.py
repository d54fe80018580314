# Reads line by line and walks two indices towards the middle.
import sys


def is_palindrome(s: str) -> bool:
    i, j = 0, len(s) - 1
    while i < j:
        if s[i] != s[j]:
            return False
        i += 1
        j -= 1
    return True


def main() -> None:
    t = int(sys.stdin.readline())
    answers = []
    for _ in range(t):
        line = sys.stdin.readline()
        if line.endswith("\n"):
            line = line[:-1]
        answers.append("YES" if is_palindrome(line) else "NO")
    print("\n".join(answers))


if __name__ == "__main__":
    main()
