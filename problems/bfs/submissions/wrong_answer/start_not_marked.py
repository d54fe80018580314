from collections import deque


# Classic mistake: neighbours are marked when queued, but start itself is never marked, so an
# edge back to start (a cycle or a self-loop) visits it a second time.
def bfs(graph, start):
    seen = set()
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
