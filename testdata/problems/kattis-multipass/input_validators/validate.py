"""Input validator: "encode" and a word of 1..100 lowercase letters. Exit 42 when valid."""
import re
import sys

sys.exit(42 if re.fullmatch(r"encode\n[a-z]{1,100}\n", sys.stdin.read()) else 43)
