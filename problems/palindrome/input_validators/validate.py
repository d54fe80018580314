#!/usr/bin/env python3
"""Input validator for palindrome (Kattis protocol: exit 42 valid, 43 invalid).

Contract: UTF-8; first line T (1 <= T <= 10^4, no sign, no leading zeros, nothing else); then
exactly T lines. Lines contain no "\\r"; every line ends with "\\n" except that the final "\\n"
may be missing when the last line is non-empty. Total input <= 2*10^6 characters."""
import re
import sys

MAX_T = 10**4
MAX_CHARS = 2 * 10**6


def fail(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def main() -> None:
    raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        fail(f"input is not valid UTF-8: {e}")
    if len(text) > MAX_CHARS:
        fail(f"input has {len(text)} characters, more than {MAX_CHARS}")
    if "\r" in text:
        fail("input contains a carriage return")
    if not text:
        fail("empty input")
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()  # the final "\n" does not start another line
    first = parts[0]
    if not re.fullmatch(r"[1-9][0-9]{0,4}", first):
        fail(f"first line must be T without spaces or leading zeros, got {first[:40]!r}")
    t = int(first)
    if not 1 <= t <= MAX_T:
        fail(f"T = {t} out of range [1, {MAX_T}]")
    if len(parts) - 1 != t:
        fail(f"expected exactly {t} lines after T, found {len(parts) - 1}")
    sys.exit(42)


if __name__ == "__main__":
    main()
