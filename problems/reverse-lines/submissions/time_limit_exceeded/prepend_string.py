# Naive: builds the answer by prepending each line to a string, copying everything built so
# far every time: O(lines * bytes).
import sys

out = ""
for line in sys.stdin:
    if not line.endswith("\n"):
        line += "\n"
    out = line + out
sys.stdout.write(out)
