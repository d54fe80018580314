# Classic mistake: mixes up the two definitions of height and counts edges instead of nodes
# (a single node gets 0).
def bst_height(root):
    if root is None:
        return 0
    best = 0
    stack = [(root, 0)]
    while stack:
        node, d = stack.pop()
        best = max(best, d)
        for child in (node.left, node.right):
            if child is not None:
                stack.append((child, d + 1))
    return best
