# Writes to stderr forever: stderr counts toward the output limit too.
import sys

while True:
    sys.stderr.write("e" * 1000 + "\n")
