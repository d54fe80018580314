# Fills /dev/shm (16 MiB) until the write fails: an uncaught OSError.
with open("/dev/shm/fill", "wb") as f:
    while True:
        f.write(b"\0" * (1 << 20))
        f.flush()
