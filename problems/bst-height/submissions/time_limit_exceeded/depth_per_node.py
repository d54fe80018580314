# Naive: records every node's parent, then measures each node's depth by walking up to the
# root: O(sum of depths) = O(n * h), 10^9 steps on a deep tree with many nodes.
def bst_height(root):
    if root is None:
        return 0
    parent = {id(root): None}
    nodes = [root]
    k = 0
    while k < len(nodes):
        node = nodes[k]
        k += 1
        for child in (node.left, node.right):
            if child is not None:
                parent[id(child)] = node
                nodes.append(child)
    best = 0
    for node in nodes:
        d = 0
        while node is not None:
            d += 1
            node = parent[id(node)]
        best = max(best, d)
    return best
