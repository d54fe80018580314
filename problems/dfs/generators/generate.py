#!/usr/bin/env python3
"""Writes data/sample and data/secret for dfs.

Run from the problem directory: python3 generators/generate.py
Seeded, so re-running gives the same files. Answers come from
submissions/accepted/stack_skip_on_pop.py and are cross-checked against
submissions/accepted/iterator_stack.py on every test and against the plain recursive definition
on the tests with at most 2000 keys. Every .in is
checked by input_validators/validate.py. Any mismatch aborts.
"""
import glob
import json
import os
import random
import string
import subprocess
import sys
from typing import Dict, List, Optional

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = 20240602
MAX_NODES = 10 ** 5
MAX_EDGES = 2 * 10 ** 5
UNICODE_POOL = "aéßøΩжЖ中文字日本語한국어😀🚀🎉ñüçÅ" + "ابپ" + "עברית"


def load(rel, name):
    path = os.path.join(HERE, rel)
    ns = {"__name__": "solution", "Dict": Dict, "List": List, "Optional": Optional}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), ns)
    if callable(ns.get(name)):
        return ns[name]
    return getattr(ns["Solution"](), name)


def brute(graph, start):
    """The definition: recursive preorder."""
    seen = set()
    order = []

    def visit(u):
        seen.add(u)
        order.append(u)
        for v in graph.get(u, []):
            if v not in seen:
                visit(v)

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(10000)
    try:
        visit(start)
    finally:
        sys.setrecursionlimit(old)
    return order


def compact_names(n, rng):
    """n distinct short names (base 36, shuffled so that names say nothing about structure)."""
    digits = string.digits + string.ascii_lowercase
    ids = list(range(n))
    rng.shuffle(ids)
    out = []
    for i in ids:
        s = ""
        while True:
            s = digits[i % 36] + s
            i //= 36
            if i == 0:
                break
        out.append(s)
    return out


def unicode_names(n, rng):
    names = set()
    while len(names) < n:
        names.add("".join(rng.choice(UNICODE_POOL) for _ in range(rng.randint(1, 4))))
    names = sorted(names)
    rng.shuffle(names)
    return names


def to_graph(names, adj, rng, empty_key_prob=0.5):
    """adj: list of neighbour-index lists. Nodes with no out-edges get an empty list with the
    given probability, else no key. Keys appear in a shuffled order."""
    idx = list(range(len(names)))
    rng.shuffle(idx)
    graph = {}
    for i in idx:
        if adj[i]:
            graph[names[i]] = [names[j] for j in adj[i]]
        elif rng.random() < empty_key_prob:
            graph[names[i]] = []
    return graph


def random_graph(n, m, rng, names, reach_fraction=1.0, back_to_start=0):
    """Node 0 is start. A random tree from start spans the first reach_fraction of the nodes
    (the rest is unreachable from start), then random extra edges up to m in total; edges out of
    the unreachable part may point anywhere, edges out of the reachable part stay inside it."""
    r = max(1, int(n * reach_fraction))
    adj = [[] for _ in range(n)]
    for v in range(1, r):
        adj[rng.randrange(v)].append(v)
    for v in range(r, n):
        if v > r:
            adj[rng.randrange(r, v)].append(v)
    edges = n - 2 if r < n else n - 1
    for _ in range(back_to_start):
        adj[rng.randrange(n)].append(0)
        edges += 1
    while edges < m:
        u = rng.randrange(n)
        v = rng.randrange(r) if u < r else rng.randrange(n)
        adj[u].append(v)
        edges += 1
    for lst in adj:
        rng.shuffle(lst)
    return to_graph(names, adj, rng), names[0]


def plan():
    rng = random.Random(SEED)
    tests = []

    def add(folder, name, graph, start):
        tests.append((folder, name, graph, start))

    add("sample", "01-branching", {"a": ["b", "c"], "b": ["d"], "c": ["d", "a"]}, "a")
    add("sample", "02-cross-edge", {"a": ["b", "c"], "b": ["c", "d"]}, "a")
    add("sample", "03-start-without-key", {"x": ["y"]}, "y")

    s = "secret"
    add(s, "01-empty-graph", {}, "a")
    add(s, "02-start-empty-list", {"a": []}, "a")
    add(s, "03-start-only-a-neighbour", {"b": ["a"], "c": ["b", "a"]}, "a")
    add(s, "04-self-loop", {"a": ["a", "b"], "b": ["b"]}, "a")
    add(s, "05-cycle-back-to-start", {"a": ["b"], "b": ["c"], "c": ["a"]}, "a")
    add(s, "06-path-neighbour-only-end", {"a": ["b"], "b": ["c"], "c": ["d"]}, "a")
    add(s, "07-duplicate-edges", {"a": ["b", "b", "c", "b", "a"], "c": ["b", "d", "d"], "d": []}, "a")
    add(s, "08-list-order-not-sorted", {"m": ["z", "a", "q"], "z": ["y"], "a": ["b"], "q": ["c"]}, "m")
    add(s, "09-cross-edges", {"a": ["b", "c", "d"], "b": ["d", "e"], "d": ["c"], "e": ["a", "c"]}, "a")
    add(s, "10-unreachable-and-edges-into-start",
        {"u": ["s", "v"], "v": ["u", "s"], "s": ["t"], "t": ["s", "x"], "w": ["w"]}, "s")
    add(s, "11-unicode-names",
        {"é": ["中文", "😀"], "中文": ["ß", "é"], "😀": ["Ω", "ß"], "Ω": ["日本語"], "x": ["é"]}, "é")
    add(s, "12-tricky-names",
        {"0": ["null", " ", "\"", "0 "], "null": ["[]", "\\"], " ": ["{}", "0"], "\\": ["a b"],
         "true": ["0"]}, "0")
    for k, n in enumerate((8, 15, 30), start=13):
        names = compact_names(n, rng)
        g, st = random_graph(n, rng.randint(n, 3 * n), rng, names, rng.choice((1.0, 0.7)), 2)
        add(s, "%02d-small-random" % k, g, st)
    names = compact_names(2000, rng)
    g, st = random_graph(2000, 5000, rng, names, 0.8, 20)
    add(s, "16-medium-random", g, st)

    n = MAX_NODES
    names = compact_names(n, rng)
    adj = [[v + 1] for v in range(n - 1)] + [[]]
    add(s, "17-max-path", to_graph(names, adj, rng), names[0])

    # a path of 99000 nodes whose last node leads into a cycle of 1000, with edges back to the
    # start from every node of the cycle
    names = compact_names(n, rng)
    adj = [[v + 1] for v in range(n - 1)] + [[n - 1000]]
    for v in range(n - 1000, n):
        adj[v].append(0)
    add(s, "18-max-lollipop", to_graph(names, adj, rng), names[0])

    # every node: the next one on a path first, then a shortcut further ahead; the recursion goes
    # 10^5 deep and the shortcuts are all visited already when it backs up
    names = compact_names(n, rng)
    adj = [[v + 1, rng.randrange(v + 1, n)] for v in range(n - 1)] + [[0]]
    add(s, "19-max-path-with-shortcuts", to_graph(names, adj, rng), names[0])

    # shortcuts first: the search jumps ahead, then the path order is found in pieces
    names = compact_names(n, rng)
    adj = [[rng.randrange(v + 1, n), v + 1] for v in range(n - 1)] + [[]]
    add(s, "20-max-shortcuts-first", to_graph(names, adj, rng), names[0])

    names = compact_names(n, rng)
    g, st = random_graph(n, MAX_EDGES, rng, names, 1.0, 100)
    add(s, "21-max-random", g, st)

    names = compact_names(n, rng)
    g, st = random_graph(n, MAX_EDGES, rng, names, 0.5, 100)
    add(s, "22-max-random-half-unreachable", g, st)

    n = 447  # 447 * 447 = 199809 edges: every ordered pair, self-loops included
    names = compact_names(n, rng)
    adj = [rng.sample(range(n), n) for _ in range(n)]
    add(s, "23-max-dense", to_graph(names, adj, rng), names[rng.randrange(n)])

    n = 30000
    names = unicode_names(n, rng)
    g, st = random_graph(n, 3 * n, rng, names, 0.9, 10)
    add(s, "24-large-unicode-names", g, st)
    return tests


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
    ref = load("submissions/accepted/stack_skip_on_pop.py", "dfs")
    alt = load("submissions/accepted/iterator_stack.py", "dfs")
    tests = plan()
    for folder, name, graph, start in tests:
        base = os.path.join(HERE, "data", folder, name)
        text = json.dumps([graph, start], ensure_ascii=False, separators=(",", ":"))
        # one test without a final newline, the others with one
        with open(base + ".in", "w", encoding="utf-8") as f:
            f.write(text if name == "02-start-empty-list" else text + "\n")
        validate(base + ".in")
        args = json.loads(text)
        ans = ref(*args)
        if alt(*json.loads(text)) != ans:
            sys.exit("%s: iterator_stack disagrees with the reference" % name)
        if len(args[0]) <= 2000 and brute(*json.loads(text)) != ans:
            sys.exit("%s: brute force disagrees with the reference" % name)
        with open(base + ".ans", "w", encoding="utf-8") as f:
            f.write(json.dumps(ans, ensure_ascii=False) + "\n")
    print("wrote %d tests" % len(tests))


if __name__ == "__main__":
    main()
