# Forks idle children until fork fails: the container's pids limit (64 tasks, the harness and
# this process included) stops it with EAGAIN, long before the host notices anything.
import errno
import os
import time

children = []
err = None
while len(children) < 1000:
    try:
        pid = os.fork()
    except OSError as e:
        err = e.errno
        break
    if pid == 0:
        time.sleep(60)
        os._exit(0)
    children.append(pid)
input()
if err == errno.EAGAIN and len(children) < 64:
    print("ok")
else:
    print(f"made {len(children)} processes, then {err}")
