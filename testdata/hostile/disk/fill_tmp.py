# Fills /tmp (a 64 MiB tmpfs) until the write fails: an uncaught OSError, a run-time error.
with open("/tmp/fill", "wb") as f:
    while True:
        f.write(b"\0" * (1 << 20))
        f.flush()
