#!/usr/bin/env python3
"""Input validator for contains-substring (Kattis protocol: exit 42 valid, 43 invalid).

Contract: a JSON array [haystack, needle] of two strings; len(haystack) <= 10^6 and
len(needle) <= 10^5 code points; no surrogate code points."""
import json
import sys

MAX_HAYSTACK = 10**6
MAX_NEEDLE = 10**5


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
    if not isinstance(args, list) or len(args) != 2:
        fail("expected a JSON array of 2 arguments [haystack, needle]")
    haystack, needle = args
    if not isinstance(haystack, str) or not isinstance(needle, str):
        fail("haystack and needle must be strings")
    if len(haystack) > MAX_HAYSTACK:
        fail(f"haystack has {len(haystack)} characters, more than {MAX_HAYSTACK}")
    if len(needle) > MAX_NEEDLE:
        fail(f"needle has {len(needle)} characters, more than {MAX_NEEDLE}")
    for name, s in (("haystack", haystack), ("needle", needle)):
        for c in set(s):
            if 0xD800 <= ord(c) <= 0xDFFF:
                fail(f"{name} contains the surrogate U+{ord(c):04X}")
    sys.exit(42)


if __name__ == "__main__":
    main()
