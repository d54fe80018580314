# Classic mistake: solves the other palindrome problem (ignore case and non-alphanumerics),
# but this one compares lines exactly.
import sys

lines = sys.stdin.read().split("\n")
t = int(lines[0])
out = []
for i in range(1, t + 1):
    s = "".join(c.lower() for c in lines[i] if c.isalnum())
    out.append("YES" if s == s[::-1] else "NO")
print("\n".join(out))
