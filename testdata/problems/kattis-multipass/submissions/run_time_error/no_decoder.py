"""Encodes, and has no second pass: it raises on decode."""
kind = input()
data = input()
if kind != "encode":
    raise NotImplementedError("decode")
print(int.from_bytes(data.encode(), "big"))
