# A correct answer that holds 90% of the 64 MiB limit (57.6 MiB, every page touched): accepted.
data = bytearray(int(64 * 0.9 * (1 << 20)))
input()
print("ok" if len(data) else "")
