# Fills the scratch space (/tmp, /dev/shm: memory, bounded by their mounts, not the test's own
# memory), then grows a list. The container's cgroup must have room for the full scratch space
# beside the limit: the verdict is MLE from the harness, never an OOM thrash that ends in TLE.
import os

# Files of 512 KiB: a test may not write a file over its output limit (1 MiB here).
for top, mib in (("/tmp", 60), ("/dev/shm", 14)):
    for i in range(2 * mib):
        with open(os.path.join(top, f"fill{i}"), "wb") as f:
            f.write(b"\1" * (512 << 10))
x = []
while True:
    x.append(bytearray(4096))
