#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for bfs: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is vertices + edges: every rung is a random
directed graph of V = SIZE/3 nodes and E = 2V edges (a random tree from start plus random extra
edges, lists shuffled; short base-36 names, keys in random order), the same kind of graph at every
size. Every node is reachable from start, so a solution that uses the output list as its visited
set scans a list growing to V for each of the E edges: O(V*E), while a set makes it O(V + E).
V doubles from 625 to 40000: within the statement's bounds (at most 10^5 nodes, 2*10^5 edges,
names of 1 to 20 characters).
"""
import json
import os
import random
import string

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 4101
NODES = [625 * 2 ** k for k in range(7)]  # 625 .. 40000
DIGITS = string.digits + string.ascii_lowercase


def name(i):
    s = ""
    while True:
        s = DIGITS[i % 36] + s
        i //= 36
        if i == 0:
            return s


def rung(n, rng):
    """[graph, start]: node 0 is start; n nodes, 2n edges."""
    ids = list(range(n))
    rng.shuffle(ids)
    names = [name(i) for i in ids]
    adj = [[] for _ in range(n)]
    for v in range(1, n):
        adj[rng.randrange(v)].append(v)
    for _ in range(2 * n - (n - 1)):
        adj[rng.randrange(n)].append(rng.randrange(n))
    for lst in adj:
        rng.shuffle(lst)
    order = list(range(n))
    rng.shuffle(order)
    graph = {names[u]: [names[v] for v in adj[u]] for u in order if adj[u]}
    return [graph, names[0]]


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in NODES:
        args = rung(n, rng)
        assert sum(len(l) for l in args[0].values()) == 2 * n
        with open(os.path.join(out, "n%d.in" % (3 * n)), "w") as f:
            f.write(json.dumps(args, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
