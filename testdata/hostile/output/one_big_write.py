# One 40 MiB write to stdout: 40 times probe's output limit, over flood's 32 MiB. Bytes, not
# str: a str and its encoded copy would need twice that, over probe's 64 MiB memory limit (MLE,
# refused before any output).
import sys

sys.stdout.buffer.write(b"x" * (40 << 20))
