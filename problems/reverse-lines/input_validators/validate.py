#!/usr/bin/env python3
"""Input validator for reverse-lines (Kattis protocol: exit 42 valid, 43 invalid).

Contract: any UTF-8 text, possibly empty; no "\\r"; at most 8*10^6 bytes; at most 10^5 lines,
where lines are separated by "\\n" and a final "\\n" does not start another line."""
import sys

MAX_BYTES = 8 * 10**6
MAX_LINES = 10**5


def fail(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def main() -> None:
    raw = sys.stdin.buffer.read()
    if len(raw) > MAX_BYTES:
        fail(f"input has {len(raw)} bytes, more than {MAX_BYTES}")
    try:
        raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        fail(f"input is not valid UTF-8: {e}")
    if b"\r" in raw:
        fail("input contains a carriage return")
    lines = raw.count(b"\n") + (0 if raw.endswith(b"\n") or not raw else 1)
    if lines > MAX_LINES:
        fail(f"input has {lines} lines, more than {MAX_LINES}")
    sys.exit(42)


if __name__ == "__main__":
    main()
