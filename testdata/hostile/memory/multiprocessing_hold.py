# multiprocessing: three workers holding 30 MiB each at the same time, 90 MiB against the 64 MiB
# limit. Each tells the parent it holds its memory, then waits for an event that is never set; the
# parent waits too, so the memory is held until something stops the test: the watchdog (MLE) or,
# if it never saw the sum, the wall limit (TLE, and the case fails). A burst across processes
# shorter than the watchdog's look is not what this case is about (SECURITY.md, "Memory").
import multiprocessing as mp


def hold(ready, never):
    data = bytearray(30 << 20)
    ready.put(len(data))
    never.wait()


if __name__ == "__main__":
    ready, never = mp.Queue(), mp.Event()
    workers = [mp.Process(target=hold, args=(ready, never), daemon=True) for _ in range(3)]
    for w in workers:
        w.start()
    held = sum(ready.get() for _ in workers)
    never.wait()
    print("ok" if held else "none")
