# One 20 MB write to stdout, 20 times the output limit. (The str and its encoded copy, 40 MB, fit
# the 64 MiB memory limit: 50 MB would need 100 MB and be MLE, refused before any output.)
import sys

sys.stdout.write("x" * (20 << 20))
