# Every place the sandbox can write is memory (tmpfs and friends), never a disk of the host:
# no mount it can write is disk-backed, the root file system is read-only, and the only
# directories it can write are /tmp and /dev/shm (and /dev/mqueue, where the engine mounts it so).
import os

MEMORY_FS = {"tmpfs", "proc", "devpts", "mqueue", "sysfs", "cgroup", "cgroup2"}
bad = []
for line in open("/proc/self/mountinfo"):
    f = line.split()
    point, opts = f[4], f[5].split(",")
    fstype = f[f.index("-") + 1]
    if "rw" in opts and fstype not in MEMORY_FS:
        bad.append(f"{point} is a writable {fstype} mount")
    if point == "/" and "ro" not in opts:
        bad.append("the root file system is writable")
writable = []
for root, dirs, files in os.walk("/"):
    if root.startswith(("/proc", "/sys")):
        dirs[:] = []
        continue
    if os.access(root, os.W_OK):
        writable.append(root)
outside = sorted(set(writable) - {"/tmp", "/dev/shm", "/dev/mqueue"})
if outside or "/tmp" not in writable:
    bad.append(f"writable directories: {sorted(writable)}")
input()
print(" ".join(bad) or "ok")
