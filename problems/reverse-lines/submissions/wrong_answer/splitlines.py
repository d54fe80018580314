# Classic mistake: str.splitlines() also breaks at U+2028, U+2029, U+0085, "\x0b", "\x0c",
# "\x1c".."\x1e", which are ordinary characters inside a line here.
import sys

lines = sys.stdin.read().splitlines()
for line in reversed(lines):
    sys.stdout.write(line + "\n")
