#!/usr/bin/env python3
"""Input validator for remove-duplicate-chars (Kattis protocol: exit 42 valid, 43 invalid).

Contract: a JSON array [s] holding one string of at most 10^6 code points, no surrogates."""
import json
import sys

MAX_LEN = 10**6


def fail(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def reject_constant(name):
    fail(f"non-standard JSON constant {name}")


def main() -> None:
    raw = sys.stdin.buffer.read()
    try:
        args = json.loads(raw.decode("utf-8"), parse_constant=reject_constant)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        fail(f"not valid JSON: {e}")
    if not isinstance(args, list) or len(args) != 1:
        fail("expected a JSON array with exactly one argument")
    s = args[0]
    if not isinstance(s, str):
        fail("the argument must be a string")
    if len(s) > MAX_LEN:
        fail(f"string has {len(s)} characters, more than {MAX_LEN}")
    for c in set(s):
        if 0xD800 <= ord(c) <= 0xDFFF:
            fail(f"string contains the surrogate U+{ord(c):04X}")
    sys.exit(42)


if __name__ == "__main__":
    main()
