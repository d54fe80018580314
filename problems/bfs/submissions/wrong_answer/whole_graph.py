from collections import deque


# Classic mistake: traverses the whole graph (every key as a new start, like a connected-components
# loop) instead of only what is reachable from start.
def bfs(graph, start):
    seen = set()
    order = []
    for s in [start] + list(graph):
        if s in seen:
            continue
        seen.add(s)
        queue = deque([s])
        while queue:
            node = queue.popleft()
            order.append(node)
            for nxt in graph.get(node, []):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
    return order
