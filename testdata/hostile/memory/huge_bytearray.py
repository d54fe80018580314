# One zero-filled object of 10^9 bytes, far over the 64 MiB limit: refused at once, MLE.
x = bytearray(10**9)
print(len(x))
