#!/usr/bin/env python3
"""Writes data/sample and data/secret for bst-height.

Run from the problem directory: python3 generators/generate.py
Seeded, so re-running gives the same files. A tree is first built as a shape (child index
arrays), its keys are then assigned in in-order (so it is a binary search tree) and it is written
in LeetCode level order. Answers come from submissions/accepted/level_order.py, called on
TreeNode objects built from the written level order, and are cross-checked against
submissions/accepted/stack_with_depth.py and against the height computed from the shape arrays
(independent of the level-order round trip). Every .in is checked by
input_validators/validate.py. Any mismatch aborts.
"""
import glob
import json
import os
import random
import subprocess
import sys
from collections import deque
from typing import List, Optional

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 1962
MAX_NODES = 10 ** 5
MAX_HEIGHT = 10 ** 4
MAX_ABS = 10 ** 9


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def build_tree(a):
    if not a:
        return None
    root = TreeNode(a[0])
    q = deque([root])
    i = 1
    while i < len(a):
        node = q.popleft()
        if a[i] is not None:
            node.left = TreeNode(a[i])
            q.append(node.left)
        i += 1
        if i < len(a) and a[i] is not None:
            node.right = TreeNode(a[i])
            q.append(node.right)
        i += 1
    return root


def load(rel, name):
    path = os.path.join(HERE, rel)
    ns = {"__name__": "solution", "TreeNode": TreeNode, "Optional": Optional, "List": List}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), ns)
    if callable(ns.get(name)):
        return ns[name]
    return getattr(ns["Solution"](), name)


class Shape:
    """A binary tree shape: node 0 is the root; L[i], R[i] are child indices or -1."""

    def __init__(self):
        self.L = []
        self.R = []

    def node(self):
        self.L.append(-1)
        self.R.append(-1)
        return len(self.L) - 1

    def __len__(self):
        return len(self.L)

    def path(self, n, dirs, start=None):
        """Append a path of n nodes below start (or as the root); dirs(k) -> 'L' or 'R' is the
        side of step k. Returns the list of path node indices."""
        nodes = []
        prev = start
        for k in range(n):
            v = self.node()
            if prev is not None:
                side = dirs(k)
                (self.L if side == "L" else self.R)[prev] = v
            nodes.append(v)
            prev = v
        return nodes

    def random_bst(self, n, rng, parent=None, side=None):
        """Append the shape of a BST made by inserting n random keys; returns its root index."""
        keys = list(range(n))
        rng.shuffle(keys)
        key_of = {}
        root = None
        for k in keys:
            v = self.node()
            key_of[v] = k
            if root is None:
                root = v
                continue
            u = root
            while True:
                if k < key_of[u]:
                    if self.L[u] == -1:
                        self.L[u] = v
                        break
                    u = self.L[u]
                else:
                    if self.R[u] == -1:
                        self.R[u] = v
                        break
                    u = self.R[u]
        if parent is not None:
            (self.L if side == "L" else self.R)[parent] = root
        return root

    def complete(self, n):
        for i in range(n):
            self.node()
        for i in range(n):
            if 2 * i + 1 < n:
                self.L[i] = 2 * i + 1
            if 2 * i + 2 < n:
                self.R[i] = 2 * i + 2

    def depths(self):
        """Depth (in nodes) of every node, from the root at 0."""
        d = [0] * len(self)
        if not len(self):
            return d
        d[0] = 1
        q = deque([0])
        while q:
            u = q.popleft()
            for v in (self.L[u], self.R[u]):
                if v != -1:
                    d[v] = d[u] + 1
                    q.append(v)
        return d

    def height(self):
        return max(self.depths(), default=0)

    def subtree_height(self, r):
        h = 0
        stack = [(r, 1)]
        while stack:
            u, d = stack.pop()
            h = max(h, d)
            for v in (self.L[u], self.R[u]):
                if v != -1:
                    stack.append((v, d + 1))
        return h

    def level_order(self, keys):
        """keys: list of len(self) increasing keys, assigned in in-order."""
        n = len(self)
        if n == 0:
            return []
        val = [None] * n
        stack, u, k = [], 0, 0
        while stack or u != -1:
            while u != -1:
                stack.append(u)
                u = self.L[u]
            u = stack.pop()
            val[u] = keys[k]
            k += 1
            u = self.R[u]
        out = []
        q = deque([0])
        while q:
            u = q.popleft()
            if u == -1:
                out.append(None)
                continue
            out.append(val[u])
            q.append(self.L[u])
            q.append(self.R[u])
        while out and out[-1] is None:
            out.pop()
        return out


def keys_for(n, rng, kind):
    if kind == "small":
        return list(range(1, n + 1))
    if kind == "negative":
        return list(range(-n, 0))
    return sorted(rng.sample(range(-MAX_ABS, MAX_ABS + 1), n))


def spine_with_bushes(rng, spine_len, total, max_bush, dirs):
    """A path of spine_len nodes; random BST bushes hang in the free slots of spine nodes, kept
    shallow enough that the spine's end stays the deepest node."""
    s = Shape()
    spine = s.path(spine_len, dirs)
    slots = []
    for k, u in enumerate(spine):
        for side in ("L", "R"):
            if (s.L if side == "L" else s.R)[u] == -1:
                slots.append((k, u, side))
    rng.shuffle(slots)
    for k, u, side in slots:
        left = total - len(s)
        if left <= 0:
            break
        size = min(left, rng.randint(1, max_bush))
        mark = len(s)
        r = s.random_bst(size, rng, u, side)
        if (k + 1) + s.subtree_height(r) > spine_len:
            # too tall here: undo
            (s.L if side == "L" else s.R)[u] = -1
            del s.L[mark:]
            del s.R[mark:]
    return s


def plan():
    rng = random.Random(SEED)
    t = []

    def add(folder, name, shape, keys="random"):
        if folder == "secret":
            name = "%02d-%s" % (sum(1 for x in t if x[0] == "secret") + 1, name)
        t.append((folder, name, shape, shape.level_order(keys_for(len(shape), rng, keys))))

    def literal(shape_edges, n):
        s = Shape()
        for _ in range(n):
            s.node()
        for u, side, v in shape_edges:
            (s.L if side == "L" else s.R)[u] = v
        return s

    # samples: [4,2,6,1,3,null,7] and [1,null,2,null,3] and []
    add("sample", "01-balanced", literal([(0, "L", 1), (0, "R", 2), (1, "L", 3), (1, "R", 4),
                                          (2, "R", 5)], 6), "small")
    s = Shape()
    s.path(3, lambda k: "R")
    add("sample", "02-right-chain", s, "small")
    add("sample", "03-empty", Shape())

    S = "secret"
    add(S, "empty", Shape())
    add(S, "single", literal([], 1))
    add(S, "two-left", literal([(0, "L", 1)], 2))
    add(S, "two-right", literal([(0, "R", 1)], 2))
    add(S, "three-balanced", literal([(0, "L", 1), (0, "R", 2)], 3))
    s = Shape()
    s.path(10, lambda k: "L")
    add(S, "left-chain-10", s, "small")
    s = Shape()
    s.path(10, lambda k: "R")
    add(S, "right-chain-10", s, "negative")
    s = Shape()
    s.path(50, lambda k: "LR"[k % 2])
    add(S, "zigzag-50", s)
    # root with a full left subtree of height 4 and a right path of 7 that turns left and right
    s = Shape()
    r = s.node()
    l = s.node()
    s.L[r] = l
    a, b = s.node(), s.node()
    s.L[l], s.R[l] = a, b
    s.L[a], s.R[a] = s.node(), s.node()
    s.path(7, lambda k: "RRLLRLR"[k], start=r)
    add(S, "longest-path-turns-inside", s)
    # deepest leaf hangs under a node with one child in the LEFT subtree, right side shallow
    s = Shape()
    r = s.node()
    s.R[r] = s.node()
    s.path(12, lambda k: "LRRRLLLRLRRL"[k], start=r)
    add(S, "deep-left-shallow-right", s)
    s = Shape()
    s.complete(2 ** 10 - 1)
    add(S, "perfect-depth-10", s)
    s = Shape()
    s.random_bst(20, rng)
    add(S, "random-bst-small", s)
    s = Shape()
    s.random_bst(1000, rng)
    add(S, "random-bst-medium", s)
    s = Shape()
    s.path(500, lambda k: rng.choice("LR"))
    add(S, "random-path-500", s)
    s = Shape()
    s.random_bst(MAX_NODES, rng)
    add(S, "max-random-bst", s)
    s = Shape()
    s.path(MAX_HEIGHT, lambda k: "R")
    add(S, "max-right-chain", s, "small")
    s = Shape()
    s.path(MAX_HEIGHT, lambda k: "L")
    add(S, "max-left-chain", s)
    s = Shape()
    s.path(MAX_HEIGHT, lambda k: "LR"[k % 2])
    add(S, "max-zigzag", s)
    add(S, "max-nodes-max-height",
        spine_with_bushes(rng, MAX_HEIGHT, MAX_NODES, 400, lambda k: rng.choice("LR")))
    s = Shape()
    s.complete(MAX_NODES)
    add(S, "max-complete", s, "small")
    add(S, "max-caterpillar",
        spine_with_bushes(rng, MAX_HEIGHT, MAX_NODES, 20, lambda k: "R"), "negative")
    s = Shape()
    tail = s.path(5000, lambda k: rng.choice("LR"))
    s.random_bst(MAX_NODES - 5000, rng, tail[-1], "L")
    add(S, "max-broom", s)
    return t


def validate(path):
    with open(path, "rb") as f:
        p = subprocess.run([sys.executable, os.path.join(HERE, "input_validators", "validate.py")],
                           stdin=f, capture_output=True)
    if p.returncode != 42:
        sys.exit("validator rejected %s: %s" % (path, p.stderr.decode()))


def main():
    for folder in ("sample", "secret"):
        d = os.path.join(HERE, "data", folder)
        os.makedirs(d, exist_ok=True)
        for old in glob.glob(os.path.join(d, "*.in")) + glob.glob(os.path.join(d, "*.ans")):
            if os.path.basename(old).startswith("gap-"):  # added by judge verify --mutants --write-tests
                continue
            os.remove(old)
    ref = load("submissions/accepted/level_order.py", "bst_height")
    alt = load("submissions/accepted/stack_with_depth.py", "bst_height")
    tests = plan()
    for folder, name, shape, arr in tests:
        base = os.path.join(HERE, "data", folder, name)
        with open(base + ".in", "w", encoding="utf-8") as f:
            f.write(json.dumps([arr], separators=(",", ":")) + "\n")
        validate(base + ".in")
        ans = ref(build_tree(arr))
        if alt(build_tree(arr)) != ans:
            sys.exit("%s: stack_with_depth disagrees with the reference" % name)
        if shape.height() != ans:
            sys.exit("%s: the shape's height %d disagrees with the reference %d"
                     % (name, shape.height(), ans))
        with open(base + ".ans", "w", encoding="utf-8") as f:
            f.write(json.dumps(ans) + "\n")
    print("wrote %d tests" % len(tests))


if __name__ == "__main__":
    main()
