# Says "ok" only inside gVisor: its kernel log starts with "Starting gVisor..." and its
# /proc/version names an old fixed Linux. Judged on the probe problem, it is accepted under
# `judge run --runtime runsc` and a wrong answer showing the real kernel under runc:
#   judge run --runtime runsc --problems testdata/problems probe testdata/runtime/gvisor.py
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
buf = ctypes.create_string_buffer(1 << 16)
n = libc.klogctl(3, buf, len(buf))  # SYSLOG_ACTION_READ_ALL
log = buf.raw[:n].decode(errors="replace") if n > 0 else ""
version = open("/proc/version").read().strip()
input()
print("ok" if "gVisor" in log else f"not-gVisor,kernel={version.split()[2]} ({version})")
