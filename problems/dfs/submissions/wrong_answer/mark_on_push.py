# Classic mistake: nodes are marked when pushed instead of when visited. On a tree this is right,
# but a node pushed early (as a later neighbour of an ancestor) is then skipped when the search
# reaches it deeper down, so it comes out later than the recursive preorder puts it.
def dfs(graph, start):
    seen = {start}
    order = []
    stack = [start]
    while stack:
        node = stack.pop()
        order.append(node)
        for nxt in reversed(graph.get(node, [])):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return order
