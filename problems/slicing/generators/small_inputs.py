#!/usr/bin/env python3
"""Small inputs for the triage of `judge verify --mutants` (README, "Authors"), one arguments
array a line: every list of up to 3 elements, every start and stop in None and -4..4, every
step in None, +-1 and +-2 (step 0 raises; the tests hold it). 2,000 inputs: a survivor that
answers one of them differently from the reference is a test gap."""
import itertools
import json

bounds = [None] + list(range(-4, 5))
for n in range(4):
    items = list(range(10, 10 + n))
    for start, stop, step in itertools.product(bounds, bounds, [None, -2, -1, 1, 2]):
        print(json.dumps([items, start, stop, step]))
