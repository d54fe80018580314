"""Five bits a letter (a = 1 .. z = 26), shifted into one integer: 151 digits for 100 letters."""
import sys

kind, data = sys.stdin.read().split()
if kind == "encode":
    n = 0
    for c in data:
        n = (n << 5) | (ord(c) - 96)
    sys.stdout.write(f"{n}\n")
else:
    n, word = int(data), []
    while n:
        word.append(chr((n & 31) + 96))
        n >>= 5
    sys.stdout.write("".join(reversed(word)) + "\n")
