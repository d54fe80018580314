# Plain recursion: print the rest first, then this line. One frame per line, so more than
# ~1000 lines exceeds the default recursion limit and raises RecursionError.
import sys


def emit(lines, i):
    if i == len(lines):
        return
    emit(lines, i + 1)
    sys.stdout.write(lines[i] + "\n")


data = sys.stdin.read()
lines = data.split("\n")
if lines[-1] == "":
    lines.pop()
emit(lines, 0)
