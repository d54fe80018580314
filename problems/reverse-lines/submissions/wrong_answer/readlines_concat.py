# Classic mistake: readlines() keeps the "\n", but the last line may not have one, so it gets
# glued to the line printed after it.
import sys

lines = sys.stdin.readlines()
sys.stdout.write("".join(reversed(lines)))
