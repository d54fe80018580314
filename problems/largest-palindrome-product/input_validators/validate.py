"""Input validator: one JSON array [n] with 1 <= n <= 7. Exit 42 = valid, 43 = invalid."""
import json
import sys

MAX_N = 7


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
        fail("expected a JSON array with exactly one argument")
    n = args[0]
    if type(n) is not int:
        fail("n must be an integer, got %r" % (n,))
    if not 1 <= n <= MAX_N:
        fail("n = %d out of range [1, %d]" % (n, MAX_N))
    sys.exit(42)


main()
