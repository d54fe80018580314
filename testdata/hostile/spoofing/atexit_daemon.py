# Answers right, then at exit forks a child that, 0.3 s later, writes a wrong line to the test's
# stdout and to the harness's. The child dies with the test; the answer stays right.
import atexit
import os
import time


def later():
    if os.fork() == 0:
        time.sleep(0.3)
        for path in ("/proc/self/fd/1", "/proc/1/fd/1"):
            try:
                with open(path, "wb") as f:
                    f.write(b"999\n")
            except OSError:
                pass
        os._exit(0)


atexit.register(later)
a, b = map(int, input().split())
print(a + b)
