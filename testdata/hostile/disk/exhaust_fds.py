# Opens files until the descriptor limit stops it: OSError (EMFILE), a run-time error.
fds = []
while True:
    fds.append(open("/dev/null"))
