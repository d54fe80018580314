# Uses no CPU at all: only the wall-clock limit can stop it.
import time

time.sleep(10**6)
