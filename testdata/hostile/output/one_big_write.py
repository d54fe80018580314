# One 50 MB write to stdout, 50 times the output limit.
import sys

sys.stdout.write("x" * (50 << 20))
