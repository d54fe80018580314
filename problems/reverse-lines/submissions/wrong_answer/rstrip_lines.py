# Classic mistake: rstrip() to drop the newline also drops trailing spaces and tabs.
import sys

lines = [line.rstrip() for line in sys.stdin]
sys.stdout.write("".join(line + "\n" for line in reversed(lines)))
