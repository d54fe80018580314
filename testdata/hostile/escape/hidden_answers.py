# Looks for the hidden answers everywhere it can read: every file of the file system, the
# harness's environment, command line and memory. The answers never enter this sandbox, so it
# can only print that it found nothing: a wrong answer on every test. Finding one would be
# accepted, and that acceptance is what the suite forbids.
import os
import re

marker = re.compile(rb"JUDGE-(?:HIDDEN|CANARY)-[0-9a-f]{16}")
found = []


def search(path, limit=64 << 20):
    try:
        with open(path, "rb") as f:
            data = f.read(limit)
    except OSError:
        return
    m = marker.search(data)
    if m:
        found.append(f"{m.group().decode()} in {path}")


for root, dirs, files in os.walk("/"):
    if root in ("/proc", "/sys"):
        dirs[:] = []
        continue
    for name in files:
        path = os.path.join(root, name)
        if os.path.isfile(path) and not os.path.islink(path):
            search(path)
for path in ("/proc/1/environ", "/proc/1/cmdline", "/proc/1/mem", "/proc/self/environ"):
    search(path)
for fd in ("0", "1", "2"):
    search(f"/proc/1/fd/{fd}", 1 << 16)
input()
print(found[0] if found else "nothing found")
