# Classic mistake: reverses the UTF-8 bytes instead of the characters, so any multi-byte
# character breaks a palindrome ("été" reversed byte-wise is not "été").
import sys

lines = sys.stdin.buffer.read().split(b"\n")
t = int(lines[0])
out = []
for i in range(1, t + 1):
    b = lines[i]
    out.append("YES" if b == b[::-1] else "NO")
print("\n".join(out))
