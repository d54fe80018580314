"""Input validator for dfs: [graph, start] as JSON. Exit 42 = valid, 43 = invalid.

graph: object mapping node -> array of nodes (no duplicate keys); start: node. A node is a
string of 1..20 characters (no surrogate code points). At most 10^5 distinct nodes (keys,
neighbours and start together) and at most 2*10^5 edges (sum of the array lengths).
"""
import json
import sys

MAX_NODES = 10 ** 5
MAX_EDGES = 2 * 10 ** 5
MAX_NAME = 20


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def no_duplicate_keys(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            fail("duplicate key %r" % k)
        obj[k] = v
    return obj


def check_name(x, what):
    if type(x) is not str:
        fail("%s must be a string, got %r" % (what, x))
    if not 1 <= len(x) <= MAX_NAME:
        fail("%s %r must have 1..%d characters" % (what, x, MAX_NAME))
    if any(0xD800 <= ord(c) <= 0xDFFF for c in x):
        fail("%s %r contains a surrogate code point" % (what, x))


def main():
    raw = sys.stdin.buffer.read()
    try:
        args = json.loads(raw.decode("utf-8"), object_pairs_hook=no_duplicate_keys)
    except (UnicodeDecodeError, ValueError) as e:
        fail("not valid UTF-8 JSON: %s" % e)
    if not isinstance(args, list) or len(args) != 2:
        fail("expected a JSON array [graph, start]")
    graph, start = args
    if not isinstance(graph, dict):
        fail("graph must be a JSON object")
    check_name(start, "start")
    nodes = {start}
    edges = 0
    for key, nbrs in graph.items():
        check_name(key, "key")
        nodes.add(key)
        if not isinstance(nbrs, list):
            fail("neighbours of %r must be an array" % key)
        edges += len(nbrs)
        if edges > MAX_EDGES:
            fail("more than %d edges" % MAX_EDGES)
        for v in nbrs:
            check_name(v, "neighbour of %r" % key)
            nodes.add(v)
    if len(nodes) > MAX_NODES:
        fail("%d nodes, more than %d" % (len(nodes), MAX_NODES))
    sys.exit(42)


main()
