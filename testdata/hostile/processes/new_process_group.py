# A child in its own process group and session, out of reach of a killpg of the test's group,
# writes to stdout 0.3 s later: it must be dead by then, or the answer turns wrong.
import os
import time

if os.fork() == 0:
    os.setsid()
    time.sleep(0.3)
    os.write(1, b"escaped the test's process group\n")
    os._exit(0)
input()
print("ok")
