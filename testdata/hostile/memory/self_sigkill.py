# Kills itself with SIGKILL, the signal an OOM kill sends: a run-time error, not MLE (the
# memory cgroup's OOM counter did not move).
import os
import signal

input()
os.kill(os.getpid(), signal.SIGKILL)
