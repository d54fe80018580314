# Leaves a daemon behind on every test (double fork, new session, stdio closed) and checks that
# the one from the previous test is gone: any process but us and the harness (PID 1) is a
# survivor.
import os
import time


def survivors():
    me = os.getpid()
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in (1, me)]


left = survivors()
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        for fd in range(0, 3):
            os.close(fd)
        while True:
            time.sleep(1)
    os._exit(0)
os.wait()
input()
print("ok" if not left else f"survivors from the previous test: {left}")
