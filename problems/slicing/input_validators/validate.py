#!/usr/bin/env python3
"""Input validator for slicing (Kattis protocol: exit 42 valid, 43 invalid).

Contract: a JSON array [items, start, stop, step]; items is a list of at most 10^5 JSON values
(any JSON: numbers, strings, booleans, null, arrays, objects; nesting depth <= 20, no NaN or
Infinity); start, stop and step are each null or an integer (not a boolean, not a float) with
absolute value <= 10^18."""
import json
import sys

MAX_LEN = 10**5
MAX_ABS = 10**18
MAX_DEPTH = 20


def fail(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def reject_constant(name):
    fail(f"non-standard JSON constant {name}")


def pairs_hook(pairs):
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        fail("duplicate key in a JSON object")
    return dict(pairs)


def depth(v, d=0):
    if d > MAX_DEPTH:
        fail(f"items nested deeper than {MAX_DEPTH}")
    if isinstance(v, list):
        for x in v:
            depth(x, d + 1)
    elif isinstance(v, dict):
        for x in v.values():
            depth(x, d + 1)


def main() -> None:
    raw = sys.stdin.buffer.read()
    try:
        args = json.loads(raw.decode("utf-8"), parse_constant=reject_constant,
                          object_pairs_hook=pairs_hook)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        fail(f"not valid JSON: {e}")
    if not isinstance(args, list) or len(args) != 4:
        fail("expected a JSON array of 4 arguments [items, start, stop, step]")
    items, start, stop, step = args
    if not isinstance(items, list):
        fail("items must be a JSON array")
    if len(items) > MAX_LEN:
        fail(f"items has {len(items)} elements, more than {MAX_LEN}")
    for x in items:
        depth(x, 1)
    for name, v in (("start", start), ("stop", stop), ("step", step)):
        if v is None:
            continue
        if type(v) is not int:
            fail(f"{name} must be null or an integer, got {v!r}")
        if abs(v) > MAX_ABS:
            fail(f"{name} = {v} out of range")
    sys.exit(42)


if __name__ == "__main__":
    main()
