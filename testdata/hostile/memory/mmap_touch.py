# Anonymous mmap of 1 GiB, touched page by page: the OOM kill of the memory cgroup is MLE.
import mmap

m = mmap.mmap(-1, 1 << 30)
for i in range(0, 1 << 30, 4096):
    m[i] = 1
print("ok")
