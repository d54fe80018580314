#!/usr/bin/env python3
"""Writes ladder/n<SIZE>.in for bst-height: the size ladder of the complexity estimate.

Run from the problem directory: python3 generators/ladder.py
Seeded, so re-running gives the same files. SIZE is the number of nodes n. Every rung has the same
shape at its size: a spine (a root-to-leaf path turning left or right at random) of h = n/8
nodes, and in the free child slot of every spine node a bush of 7 nodes (the shape of a BST built
from 7 random keys); keys 0..n-1 in in-order, so it is a BST. The height grows with n (h = n/8),
the worst case for a solution that walks every node up to the root, O(n*h) = O(n^2), while a
good one stays O(n). n doubles from 1200 to 76800: within the statement's bounds (at most 10^5
nodes, height at most 10^4: the largest rung's is 9600 plus at most 7).
"""
import json
import os
import random
from collections import deque

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 4103
SIZES = [1200 * 2 ** k for k in range(7)]  # 1200 .. 76800
SPINE = 8  # n / h
BUSH = SPINE - 1


def shape(n, rng):
    """Child index lists L, R (-1 = none) of an n-node tree rooted at 0."""
    L, R = [], []

    def node():
        L.append(-1)
        R.append(-1)
        return len(L) - 1

    h = n // SPINE
    spine = [node()]
    free = []
    for _ in range(h - 1):
        u, v = spine[-1], node()
        if rng.random() < 0.5:
            L[u] = v
            free.append((u, R))
        else:
            R[u] = v
            free.append((u, L))
        spine.append(v)
    free.append((spine[-1], L if rng.random() < 0.5 else R))
    for u, side in free:
        keys = list(range(BUSH))
        rng.shuffle(keys)
        key_of = {}
        for k in keys:
            v = node()
            key_of[v] = k
            if len(key_of) == 1:
                side[u] = v
                root = v
                continue
            w = root
            while True:
                nxt = L if k < key_of[w] else R
                if nxt[w] == -1:
                    nxt[w] = v
                    break
                w = nxt[w]
    assert len(L) == n
    return L, R


def level_order(L, R):
    """LeetCode level order with keys 0..n-1 assigned in in-order."""
    n = len(L)
    val = [None] * n
    stack, u, k = [], 0, 0
    while stack or u != -1:
        while u != -1:
            stack.append(u)
            u = L[u]
        u = stack.pop()
        val[u] = k
        k += 1
        u = R[u]
    out = []
    q = deque([0])
    while q:
        u = q.popleft()
        if u == -1:
            out.append(None)
            continue
        out.append(val[u])
        q.append(L[u])
        q.append(R[u])
    while out and out[-1] is None:
        out.pop()
    return out


def main():
    rng = random.Random(SEED)
    out = os.path.join(HERE, "ladder")
    os.makedirs(out, exist_ok=True)
    for n in SIZES:
        tree = level_order(*shape(n, rng))
        with open(os.path.join(out, "n%d.in" % n), "w") as f:
            f.write(json.dumps([tree], separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
