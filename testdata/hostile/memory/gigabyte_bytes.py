# One 1 GiB bytes object, far over the 64 MiB limit.
x = b"x" * (1 << 30)
print(len(x))
