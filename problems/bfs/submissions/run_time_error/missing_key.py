from collections import deque


# Indexes graph[node] directly: a node without a key (start or a neighbour-only node) raises
# KeyError.
def bfs(graph, start):
    seen = {start}
    order = []
    queue = deque([start])
    while queue:
        node = queue.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
