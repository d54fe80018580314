"""Input validator (Kattis protocol) for reverse-string: UTF-8 text holding a JSON array [s]
with s a string of at most 10^6 code points and no lone surrogates. Exit 42 when valid, 43
otherwise."""
import json
import sys


def fail(msg: str) -> None:
    print(msg, file=sys.stderr)
    sys.exit(43)


try:
    text = sys.stdin.buffer.read().decode("utf-8")
except UnicodeDecodeError as e:
    fail(f"not UTF-8: {e}")
try:
    args = json.loads(text)
except ValueError as e:
    fail(f"not JSON: {e}")
if not isinstance(args, list) or len(args) != 1:
    fail("expected a JSON array of 1 argument [s]")
s = args[0]
if not isinstance(s, str):
    fail(f"s must be a string, got {type(s).__name__}")
if len(s) > 10**6:
    fail(f"len(s) = {len(s)} > 10^6")
try:
    s.encode("utf-8")
except UnicodeEncodeError:
    fail("s holds a lone surrogate")
sys.exit(42)
