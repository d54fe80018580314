"""Encodes the word as a base-27 number (letters 1..26, so no leading zero is lost)."""
kind = input()
data = input()
if kind == "encode":
    n = 0
    for c in data:
        n = n * 27 + (ord(c) - 96)
    print(n)
else:
    n, word = int(data), []
    while n:
        n, d = divmod(n, 27)
        word.append(chr(d + 96))
    print("".join(reversed(word)))
