# mount(2), umount2(2) and pivot_root(2) through ctypes: no CAP_SYS_ADMIN, so every call fails.
import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
bad = []
if libc.mount(b"none", b"/tmp", b"tmpfs", 0, None) == 0:
    bad.append("mounted a tmpfs")
if libc.mount(b"/", b"/tmp", None, 4096, None) == 0:  # MS_BIND
    bad.append("bind-mounted /")
if libc.mount(None, b"/", None, 32, None) == 0:  # MS_REMOUNT, read-write
    bad.append("remounted / read-write")
if libc.umount2(b"/tmp", 2) == 0:  # MNT_DETACH
    bad.append("unmounted /tmp")
if libc.syscall(155, b"/tmp", b"/tmp") == 0:  # pivot_root on x86-64
    bad.append("pivot_root worked")
input()
print(" ".join(bad) or "ok")
