# kill(-1, SIGKILL) reaches every process it may signal except itself and PID 1: its own child
# dies, the harness lives on, this test answers and the next one runs.
import os
import signal
import time

child = os.fork()
if child == 0:
    time.sleep(60)
    os._exit(0)
os.kill(-1, signal.SIGKILL)
_, status = os.waitpid(child, 0)
input()
killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
print("ok" if killed else f"the child ended with status {status}")
