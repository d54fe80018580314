from collections import deque


# Classic mistake: a guard that treats a start without a key as "not in the graph" and returns
# an empty list, although start itself is always visited.
def bfs(graph, start):
    if start not in graph:
        return []
    seen = {start}
    order = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in graph.get(node, []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
