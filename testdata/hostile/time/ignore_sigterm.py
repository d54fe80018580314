# Ignores every signal it may ignore and spins: only SIGKILL, which cannot be caught, stops it.
import signal

for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGXCPU, signal.SIGALRM, signal.SIGUSR1, signal.SIGQUIT):
    signal.signal(s, signal.SIG_IGN)
while True:
    pass
