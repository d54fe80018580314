# The memory hog is a child; the parent reports how the child ended and exits non-zero. The
# test's own process was not OOM-killed, so this is a run-time error of the parent.
import os
import sys

pid = os.fork()
if pid == 0:
    x = bytearray(1 << 30)
    os._exit(0)
_, status = os.waitpid(pid, 0)
sys.exit(f"child ended with status {status}")
