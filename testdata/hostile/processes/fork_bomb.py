# Classic fork bomb: the pids limit caps it, the harness kills the lot, the next test still runs.
import os

while True:
    try:
        os.fork()
    except OSError:
        pass
