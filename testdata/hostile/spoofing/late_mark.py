# The harness's code in the test's process marks "untrusted code starts now" on a private pipe
# and the test is charged from there. This program burns CPU past the limit and keeps writing
# the mark byte to every descriptor it might guess: the pipe is closed before it runs, and the
# judge reads only the first mark, so its CPU time is all counted: TLE.
import os
import time

t0 = time.process_time()
while time.process_time() - t0 < 3:
    for fd in range(3, 256):
        try:
            os.write(fd, b"M")
        except OSError:
            pass
input()
print("ok")
