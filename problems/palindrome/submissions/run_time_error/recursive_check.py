# Plain recursion: one frame per character pair, so a line longer than ~2000 characters
# exceeds the default recursion limit (1000) and raises RecursionError.
import sys


def is_pal(s: str, i: int, j: int) -> bool:
    if i >= j:
        return True
    return s[i] == s[j] and is_pal(s, i + 1, j - 1)


t = int(sys.stdin.readline())
for _ in range(t):
    line = sys.stdin.readline()
    if line.endswith("\n"):
        line = line[:-1]
    print("YES" if is_pal(line, 0, len(line) - 1) else "NO")
