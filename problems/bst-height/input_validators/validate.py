"""Input validator for bst-height: [tree] as JSON, tree in LeetCode level order.

Exit 42 = valid, 43 = invalid. The tree array holds integers and nulls; it is empty or starts
with an integer, has no trailing null, and every entry is a child slot of an earlier node. At most
10^5 nodes, height (nodes on the longest root-to-leaf path) at most 10^4, keys are distinct
integers in [-10^9, 10^9] in binary-search-tree order (in-order strictly increasing).
"""
import json
import sys
from collections import deque

MAX_NODES = 10 ** 5
MAX_HEIGHT = 10 ** 4
MAX_ABS = 10 ** 9


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(43)


def main():
    raw = sys.stdin.buffer.read()
    try:
        args = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        fail("not valid UTF-8 JSON: %s" % e)
    if not isinstance(args, list) or len(args) != 1:
        fail("expected a JSON array [tree]")
    a = args[0]
    if not isinstance(a, list):
        fail("tree must be an array")
    if not a:
        sys.exit(42)
    for k, x in enumerate(a):
        if x is not None and type(x) is not int:
            fail("tree[%d] = %r is neither an integer nor null" % (k, x))
        if x is not None and not -MAX_ABS <= x <= MAX_ABS:
            fail("tree[%d] = %d out of range" % (k, x))
    if a[0] is None:
        fail("a non-empty tree must start with its root")
    if a[-1] is None:
        fail("trailing null")
    # node i: value, left index, right index (-1 = none); depth
    val = [a[0]]
    left = [-1]
    right = [-1]
    depth = [1]
    q = deque([0])
    i = 1
    while i < len(a):
        if not q:
            fail("tree[%d] is not a child slot of any node" % i)
        u = q.popleft()
        for side in (left, right):
            if i < len(a) and a[i] is not None:
                v = len(val)
                val.append(a[i])
                left.append(-1)
                right.append(-1)
                depth.append(depth[u] + 1)
                side[u] = v
                q.append(v)
            i += 1
    n = len(val)
    if n > MAX_NODES:
        fail("%d nodes, more than %d" % (n, MAX_NODES))
    if max(depth) > MAX_HEIGHT:
        fail("height %d, more than %d" % (max(depth), MAX_HEIGHT))
    # iterative in-order traversal: keys must be strictly increasing
    prev = None
    stack = []
    u = 0
    while stack or u != -1:
        while u != -1:
            stack.append(u)
            u = left[u]
        u = stack.pop()
        if prev is not None and val[u] <= prev:
            fail("not a binary search tree with distinct keys: %d after %d in order" % (val[u], prev))
        prev = val[u]
        u = right[u]
    sys.exit(42)


main()
