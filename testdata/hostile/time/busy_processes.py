# Four busy children while the parent only waits: the parent's own CPU time stays near zero,
# so the wall-clock limit has to stop the test, and every child must die with it.
import os

for _ in range(4):
    if os.fork() == 0:
        while True:
            pass
while True:
    try:
        os.wait()
    except ChildProcessError:
        break
