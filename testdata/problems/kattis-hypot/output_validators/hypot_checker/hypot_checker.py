#!/usr/bin/env python3
"""Kattis output validator: input answer feedback_dir < team_output; exit 42 accept, 43 reject."""
import os
import sys


def reject(msg):
    with open(os.path.join(sys.argv[3], "judgemessage.txt"), "w") as f:
        f.write(msg)
    sys.exit(43)


def main():
    with open(sys.argv[2]) as f:
        want = float(f.read())
    tokens = sys.stdin.read().split()
    if len(tokens) != 1:
        reject(f"expected one number, got {len(tokens)} tokens")
    try:
        got = float(tokens[0])
    except ValueError:
        reject(f"not a number: {tokens[0][:40]!r}")
    if abs(got - want) > 1e-6 * max(1.0, abs(want)):
        reject(f"got {got}, off by {abs(got - want):.3g}")
    sys.exit(42)


main()
