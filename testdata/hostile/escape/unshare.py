# New namespaces (a user namespace first: inside it a process would hold every capability):
# all refused, through unshare(2) and clone(2).
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
flags = {"user": 0x10000000, "mount": 0x00020000, "net": 0x40000000, "pid": 0x20000000,
         "uts": 0x04000000, "ipc": 0x08000000, "cgroup": 0x02000000}
bad = [f"unshare({name})" for name, flag in flags.items() if libc.unshare(flag) == 0]
# clone(CLONE_NEWUSER | SIGCHLD) with no new stack: the child would return here too.
pid = libc.syscall(56, 0x10000000 | 17, None, None, None, None)
if pid == 0:
    libc._exit(0)
if pid > 0:
    bad.append("clone(CLONE_NEWUSER)")
input()
print(" ".join(bad) or "ok")
