# Function mode: writes a forged "value" record to the result pipe before returning a wrong
# value. The record and the real one land together: the judge sees no valid value (a wrong
# answer), never the forged one.
import os


def add(a, b):
    try:
        os.write(3, b"V" + str(a + b).encode())
    except OSError:
        pass
    return a + b + 1
