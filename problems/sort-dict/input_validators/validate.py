#!/usr/bin/env python3
"""Input validator for sort-dict (Kattis protocol: exit 42 valid, 43 invalid).

Contract: a JSON array holding exactly one JSON object d (the only argument); at most 10^5
entries; keys unique, 0..20 code points, no surrogates; values integers (not bool, not float)
with |v| <= 10^18."""
import json
import sys

MAX_ENTRIES = 10**5
MAX_KEY_LEN = 20
MAX_ABS = 10**18


def fail(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def pairs_hook(pairs):
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        fail("duplicate key in a JSON object")
    return dict(pairs)


def reject_constant(name):
    fail(f"non-standard JSON constant {name}")


def main() -> None:
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8")
        args = json.loads(text, object_pairs_hook=pairs_hook, parse_constant=reject_constant,
                          parse_float=lambda s: fail(f"float {s} is not an integer"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        fail(f"not valid JSON: {e}")
    if not isinstance(args, list) or len(args) != 1:
        fail("expected a JSON array with exactly one argument")
    d = args[0]
    if not isinstance(d, dict):
        fail("the argument must be a JSON object")
    if len(d) > MAX_ENTRIES:
        fail(f"{len(d)} entries, more than {MAX_ENTRIES}")
    for k, v in d.items():
        if len(k) > MAX_KEY_LEN:
            fail(f"key {k[:30]!r} longer than {MAX_KEY_LEN}")
        if any(0xD800 <= ord(c) <= 0xDFFF for c in k):
            fail(f"key {k!r} contains a surrogate")
        if type(v) is not int:
            fail(f"value of {k!r} is not an integer: {v!r}")
        if abs(v) > MAX_ABS:
            fail(f"value of {k!r} out of range: {v}")
    sys.exit(42)


if __name__ == "__main__":
    main()
