#!/usr/bin/env python3
"""Writes data/sample and data/secret for bfs.

Run from the problem directory: python3 generators/generate.py
Seeded, so re-running gives the same files. Answers come from
submissions/accepted/deque_mark_on_enqueue.py and are cross-checked against
submissions/accepted/levels_mark_on_visit.py on every test and against a brute force (repeated
relaxation of BFS distances, ties broken by discovery order) on the small tests. Every .in is
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
SEED = 20240601
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
    """BFS order from its definition, without a queue: distances by repeated relaxation, then
    level d sorted by (position of the first parent on level d-1, index in that parent's list)."""
    dist = {start: 0}
    changed = True
    while changed:
        changed = False
        for u in list(dist):
            for v in graph.get(u, []):
                if v not in dist or dist[u] + 1 < dist[v]:
                    dist[v] = dist[u] + 1
                    changed = True
    order = [start]
    prev = [start]
    d = 0
    while prev:
        d += 1
        pos = {u: k for k, u in enumerate(prev)}
        level = {}
        for u in prev:
            for i, v in enumerate(graph.get(u, [])):
                if dist[v] == d and (v not in level or (pos[u], i) < level[v]):
                    level[v] = (pos[u], i)
        prev = [v for _, v in sorted((k, v) for v, k in level.items())]
        order.extend(prev)
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

    add("sample", "01-diamond", {"a": ["b", "c"], "b": ["d"], "c": ["d", "a"]}, "a")
    add("sample", "02-cycle-unreachable", {"1": ["2"], "2": ["3", "2"], "3": ["1"], "4": ["1"]}, "2")
    add("sample", "03-start-without-key", {"x": ["y"]}, "y")

    s = "secret"
    add(s, "01-empty-graph", {}, "a")
    add(s, "02-start-empty-list", {"a": []}, "a")
    add(s, "03-start-only-a-neighbour", {"b": ["a"], "c": ["b", "a"]}, "a")
    add(s, "04-self-loop", {"a": ["a", "b"], "b": ["b"]}, "a")
    add(s, "05-cycle-back-to-start", {"a": ["b"], "b": ["c"], "c": ["a"]}, "a")
    add(s, "06-neighbour-only-nodes", {"a": ["b", "c"], "b": ["d", "e"], "e": ["f"]}, "a")
    add(s, "07-duplicate-edges", {"a": ["b", "b", "c", "b", "a"], "c": ["b", "d", "d"], "d": []}, "a")
    add(s, "08-list-order-not-sorted", {"m": ["z", "a", "q"], "z": ["y"], "a": ["b"], "q": ["c"]}, "m")
    add(s, "09-directed-edges-only", {"a": ["b"], "b": ["c"], "d": ["a", "b"], "c": ["e"], "e": []}, "b")
    add(s, "10-unreachable-and-edges-into-start",
        {"u": ["s", "v"], "v": ["u", "s"], "s": ["t"], "t": ["s"], "w": ["w"]}, "s")
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

    # complete binary tree, edges to children and back to the parent
    n = 2 ** 16 - 1
    names = compact_names(n, rng)
    adj = [[] for _ in range(n)]
    for v in range(1, n):
        adj[(v - 1) // 2].append(v)
        adj[v].append((v - 1) // 2)
    add(s, "17-binary-tree-both-ways", to_graph(names, adj, rng), names[0])

    n = MAX_NODES
    names = compact_names(n, rng)
    adj = [[v + 1] for v in range(n - 1)] + [[]]
    add(s, "18-max-path", to_graph(names, adj, rng), names[0])

    names = compact_names(n, rng)
    adj = [list(range(1, n))] + [[0] for _ in range(1, n)]
    for v in range(1, n, 1000):
        adj[v] = []  # a few leaves without a key or with an empty list
    add(s, "19-max-star-edges-back", to_graph(names, adj, rng), names[0])

    names = compact_names(n, rng)
    g, st = random_graph(n, MAX_EDGES, rng, names, 1.0, 100)
    add(s, "20-max-random", g, st)

    names = compact_names(n, rng)
    g, st = random_graph(n, MAX_EDGES, rng, names, 0.5, 100)
    add(s, "21-max-random-half-unreachable", g, st)

    n = 447  # 447 * 447 = 199809 edges: every ordered pair, self-loops included
    names = compact_names(n, rng)
    adj = [rng.sample(range(n), n) for _ in range(n)]
    add(s, "22-max-dense", to_graph(names, adj, rng), names[rng.randrange(n)])

    n = MAX_NODES
    names = unicode_names(n, rng)
    g, st = random_graph(n, MAX_EDGES, rng, names, 0.9, 10)
    add(s, "23-max-unicode-names", g, st)
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
    ref = load("submissions/accepted/deque_mark_on_enqueue.py", "bfs")
    alt = load("submissions/accepted/levels_mark_on_visit.py", "bfs")
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
            sys.exit("%s: levels_mark_on_visit disagrees with the reference" % name)
        if len(args[0]) <= 2000 and brute(*json.loads(text)) != ans:
            sys.exit("%s: brute force disagrees with the reference" % name)
        with open(base + ".ans", "w", encoding="utf-8") as f:
            f.write(json.dumps(ans, ensure_ascii=False) + "\n")
    print("wrote %d tests" % len(tests))


if __name__ == "__main__":
    main()
