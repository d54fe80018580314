"""Base 26 with a = 0: a word's leading a's are lost ("ba" survives, "a" does not)."""
kind = input()
data = input()
if kind == "encode":
    n = 0
    for c in data:
        n = n * 26 + (ord(c) - 97)
    print(n)
else:
    n, word = int(data), []
    while n:
        n, d = divmod(n, 26)
        word.append(chr(d + 97))
    print("".join(reversed(word)))
