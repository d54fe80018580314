# Catches SIGXCPU (the soft CPU rlimit) and carries on: the hard limit, and before it the
# harness, still stop it.
import signal

signal.signal(signal.SIGXCPU, lambda *a: None)
while True:
    pass
