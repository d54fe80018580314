# Raw bytes that are not text, NULs and invalid UTF-8 included: simply a wrong answer.
import sys

sys.stdout.buffer.write(bytes(range(256)) * 16)
