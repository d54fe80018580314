"""Input validator for wildcard-match: [text, pattern] as JSON. Exit 42 = valid, 43 = invalid.

Both are strings of 0..2000 characters without surrogate code points.
"""
import json
import sys

MAX_LEN = 2000


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def main():
    raw = sys.stdin.buffer.read()
    try:
        args = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        fail("not valid UTF-8 JSON: %s" % e)
    if not isinstance(args, list) or len(args) != 2:
        fail("expected a JSON array [text, pattern]")
    for what, s in zip(("text", "pattern"), args):
        if type(s) is not str:
            fail("%s must be a string" % what)
        if len(s) > MAX_LEN:
            fail("%s has %d characters, more than %d" % (what, len(s), MAX_LEN))
        if any(0xD800 <= ord(c) <= 0xDFFF for c in s):
            fail("%s contains a surrogate code point" % what)
    sys.exit(42)


main()
