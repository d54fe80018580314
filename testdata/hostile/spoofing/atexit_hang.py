# Answers right, then spins in an atexit handler: python3 would never exit either, so this is
# over the time limit, not accepted.
import atexit


def spin():
    while True:
        pass


atexit.register(spin)
input()
print("ok")
