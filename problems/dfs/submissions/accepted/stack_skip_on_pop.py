# Explicit stack. Neighbours are pushed in reverse so the first one is popped first, and a node
# is marked only when it is popped (skipping it if it was visited meanwhile): that reproduces the
# preorder of the recursive search exactly.
def dfs(graph: Dict[str, List[str]], start: str) -> List[str]:
    seen = set()
    order = []
    stack = [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        nbrs = graph.get(node)
        if nbrs:
            stack.extend(reversed(nbrs))
    return order
