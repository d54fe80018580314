# Tries to write, create or remove files everywhere outside /tmp: the system directories, the
# harness, the root, the host-provided /etc files, the cgroup files. Every attempt must fail.
import os

bad = []
targets = ["/etc/passwd", "/etc/hostname", "/etc/hosts", "/etc/judge-canary", "/usr/judge-canary",
           "/usr/bin/python3", "/usr/lib/python3.11/os.py", "/opt/judge/harness.py",
           "/opt/judge/canary", "/judge-canary", "/root/canary", "/var/tmp/canary", "/home/canary",
           "/dev/canary", "/sys/fs/cgroup/memory/memory.limit_in_bytes",
           "/sys/fs/cgroup/pids/pids.max"]
for path in targets:
    try:
        with open(path, "ab") as f:
            f.write(b"x")
        bad.append(f"wrote {path}")
    except OSError:
        pass
for path in ("/etc/canary.d", "/usr/canary.d", "/canary.d"):
    try:
        os.mkdir(path)
        bad.append(f"made {path}")
    except OSError:
        pass
for path in ("/opt/judge/harness.py", "/usr/bin/env"):
    try:
        os.rename(path, path + ".moved")
        bad.append(f"moved {path}")
    except OSError:
        pass
    try:
        os.chmod(path, 0o777)
        bad.append(f"chmod {path}")
    except OSError:
        pass
input()
print(" ".join(bad) or "ok")
