# Classic mistake: drops the piece after a final "\n" but forgets that empty input has no lines
# at all, so it prints one empty line for an empty file.
import sys

data = sys.stdin.read()
lines = data.split("\n")
if data.endswith("\n"):
    lines.pop()
print("\n".join(reversed(lines)))
