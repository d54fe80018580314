# Does the work in children and never waits for them: two children burn 1.5 s of CPU each (the
# limit is 1 s, each stays under the per-process CPU rlimit), hand their part over a pipe and
# exit; the parent only blocks on the pipe. CPU time is the whole process tree's, so this is
# over the time limit.
import os
import time

r, w = os.pipe()
for part in (b"o", b"k"):
    if os.fork() == 0:
        end = time.process_time() + 1.5
        while time.process_time() < end:
            pass
        os.write(w, part)
        os._exit(0)
os.close(w)
answer = os.read(r, 1) + os.read(r, 1)
input()
print("ok" if sorted(answer) == sorted(b"ok") else answer)
