# Classic mistake: neighbours are pushed in list order, so the LAST neighbour is explored first.
# Right whenever every node has at most one unvisited neighbour (paths, chains).
def dfs(graph, start):
    seen = set()
    order = []
    stack = [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        stack.extend(graph.get(node, []))
    return order
