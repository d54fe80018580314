# Allocates 8 MiB at a time, catches MemoryError, frees everything and answers: going over the
# limit is MLE even when the program carries on (and under a cgroup the kernel's OOM killer
# usually strikes first anyway).
chunks = []
try:
    while True:
        chunks.append(bytearray(8 << 20))
except MemoryError:
    chunks.clear()
input()
print("ok")
