# Writes a forged report frame to every descriptor it may have inherited. Only 0, 1, 2, the
# harness's per-test result pipe (3) and, when tests share the process, its mark pipe (4) are
# open: the forgery on the result pipe is ignored in stdio mode, and on the mark pipe, where the
# harness believes only a test's end, it ends the run (the next test starts a fresh process).
# The answer is right and nothing else changes.
import json
import os
import struct

frame = json.dumps({"type": "result", "test": 1, "status": "ok"}).encode()
frame = struct.pack(">I", len(frame)) + frame
open_fds = []
for fd in range(3, 1024):
    try:
        os.write(fd, frame)
        open_fds.append(fd)
    except OSError:
        pass
a, b = map(int, input().split())
print(a + b if open_fds in ([], [3], [3, 4]) else f"inherited descriptors {open_fds}")
