"""Prints each letter's code as three digits: over 200 digits for a long word (pass 1 WA)."""
kind = input()
data = input()
if kind == "encode":
    print("".join(f"{ord(c):03d}" for c in data))
else:
    print("".join(chr(int(data[i:i + 3])) for i in range(0, len(data), 3)))
