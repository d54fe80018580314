"""Right, but its second pass decodes by trying every word in order until one encodes to the
number: 26^5 words before "hello", far over the time limit."""
from itertools import product


def encode(word):
    n = 0
    for c in word:
        n = n * 27 + (ord(c) - 96)
    return n


kind = input()
data = input()
if kind == "encode":
    print(encode(data))
else:
    target, length = int(data), 1
    while True:
        for letters in product("abcdefghijklmnopqrstuvwxyz", repeat=length):
            if encode(letters) == target:
                print("".join(letters))
                raise SystemExit
        length += 1
