# Spins forever: the CPU limit stops it (the harness kills it from outside the child).
while True:
    pass
