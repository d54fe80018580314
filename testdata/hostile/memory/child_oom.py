# The memory hog is a child; the parent reports how the child ended and exits non-zero. The
# child's 1 GiB is refused at once (RLIMIT_DATA): its uncaught MemoryError, or the watchdog that
# counts every process of the test, makes the test MLE, not a run-time error of the parent.
import os
import sys

pid = os.fork()
if pid == 0:
    x = bytearray(1 << 30)
    os._exit(0)
_, status = os.waitpid(pid, 0)
sys.exit(f"child ended with status {status}")
