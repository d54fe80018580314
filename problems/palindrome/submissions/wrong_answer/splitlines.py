# Classic mistake: str.splitlines() also splits at U+2028, U+2029, U+0085, "\x0b", "\x0c",
# "\x1c".."\x1e", which may occur inside a line, so lines get cut and answers shift.
import sys

lines = sys.stdin.read().splitlines()
t = int(lines[0])
out = []
for i in range(1, t + 1):
    s = lines[i] if i < len(lines) else ""
    out.append("YES" if s == s[::-1] else "NO")
print("\n".join(out))
