# Starts threads until it cannot: the pids limit makes thread creation fail (RuntimeError).
import threading
import time

while True:
    threading.Thread(target=time.sleep, args=(10**6,), daemon=True).start()
