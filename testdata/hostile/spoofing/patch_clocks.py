# Patches every clock a Python program can see, and print, then burns 10 s of CPU: the times are
# measured by the harness (wait4), outside this process, so this is still over the time limit.
import builtins
import os
import resource
import time

for name in ("time", "perf_counter", "process_time", "monotonic", "thread_time"):
    setattr(time, name, lambda: 0.0)
    setattr(time, name + "_ns", lambda: 0)
os.times = lambda: os.times_result((0, 0, 0, 0, 0))
resource.getrusage = lambda who: None
builtins.print = lambda *a, **k: None
end = 10**8
n = 0
while n < end:
    n += 1
