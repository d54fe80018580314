# Four processes with 24 MiB each: none is over the 64 MiB limit alone, together they are. Each
# child holds its memory for ever and the parent waits for ever once all hold it, so only the
# watchdog (MLE) or the wall limit (TLE: the case fails) ends the test.
import os

N, MIB = 4, 24
readers, pids = [], []
go_r, go_w = os.pipe()
for _ in range(N):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        data = bytearray(MIB << 20)  # zero-filled: every page touched
        os.write(w, b"1")
        os.read(go_r, 1)  # wait for the parent, which never writes
        os._exit(len(data) & 1)
    os.close(w)
    readers.append(r)
    pids.append(pid)
for r in readers:
    os.read(r, 1)
os.read(go_r, 1)  # never returns
print("ok")  # all of them are holding their memory: this must never be accepted
for pid in pids:
    os.kill(pid, 9)
