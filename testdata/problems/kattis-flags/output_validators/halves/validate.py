#!/usr/bin/env python3
"""Kattis output validator: input answer feedback_dir [tolerance T] < team_output.

Accepts a number within T of the answer; without the flag the number must be exact."""
import os
import sys


def reject(msg):
    with open(os.path.join(sys.argv[3], "judgemessage.txt"), "w") as f:
        f.write(msg)
    sys.exit(43)


def main():
    flags = sys.argv[4:]
    tolerance = 0.0
    if "tolerance" in flags:
        tolerance = float(flags[flags.index("tolerance") + 1])
    with open(sys.argv[2]) as f:
        want = float(f.read())
    tokens = sys.stdin.read().split()
    if len(tokens) != 1:
        reject(f"expected one number, got {len(tokens)} tokens")
    try:
        got = float(tokens[0])
    except ValueError:
        reject(f"not a number: {tokens[0][:40]!r}")
    if abs(got - want) > tolerance:
        reject(f"got {got}, off by {abs(got - want):.3g} (tolerance {tolerance})")
    sys.exit(42)


main()
