"""Input validator for merge-sort: [items] as JSON. Exit 42 = valid, 43 = invalid.

items: an array of at most 10^5 integers x with -10^18 <= x <= 10^18.
"""
import json
import sys

MAX_N = 10 ** 5
MAX_ABS = 10 ** 18


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def main():
    raw = sys.stdin.buffer.read()
    try:
        args = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        fail("not valid UTF-8 JSON: %s" % e)
    if not isinstance(args, list) or len(args) != 1:
        fail("expected a JSON array [items]")
    items = args[0]
    if not isinstance(items, list):
        fail("items must be an array")
    if len(items) > MAX_N:
        fail("%d items, more than %d" % (len(items), MAX_N))
    for k, x in enumerate(items):
        if type(x) is not int:
            fail("items[%d] = %r is not an integer" % (k, x))
        if not -MAX_ABS <= x <= MAX_ABS:
            fail("items[%d] = %d out of range" % (k, x))
    sys.exit(42)


main()
