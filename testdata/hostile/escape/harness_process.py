# The harness (PID 1) is closed to the submission: its memory, descriptors, environment, root and
# ptrace are all refused, so it can neither be read nor made to write a forged report.
import ctypes
import os

bad = []
for path, mode in (("/proc/1/mem", "rb"), ("/proc/1/environ", "rb"), ("/proc/1/fd/0", "rb"),
                   ("/proc/1/fd/1", "wb"), ("/proc/1/fd/3", "wb"), ("/proc/1/maps", "rb")):
    try:
        with open(path, mode) as f:
            f.read(1) if "r" in mode else f.write(b"\0\0\0\2{}")
        bad.append(f"opened {path}")
    except OSError:
        pass
for path in ("/proc/1/fd", "/proc/1/root/"):
    try:
        os.listdir(path)
        bad.append(f"listed {path}")
    except OSError:
        pass
libc = ctypes.CDLL(None, use_errno=True)
if libc.ptrace(16, 1, None, None) == 0:  # PTRACE_ATTACH
    bad.append("ptrace attached to PID 1")
input()
print(" ".join(bad) or "ok")
