# CPU time of every thread counts: several spinning threads are a time limit, not a way around it.
import threading


def spin():
    while True:
        pass


for _ in range(4):
    threading.Thread(target=spin, daemon=True).start()
spin()
