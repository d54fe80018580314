# Classic mistake: a guard that treats a start without a key as "not in the graph" and returns
# an empty list, although start itself is always visited.
def dfs(graph, start):
    if start not in graph:
        return []
    seen = set()
    order = []
    stack = [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        stack.extend(reversed(graph.get(node, [])))
    return order
