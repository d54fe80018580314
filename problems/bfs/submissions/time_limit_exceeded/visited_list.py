from collections import deque


# Naive: the output list doubles as the visited set, so every membership test is O(n): O(n * m).
def bfs(graph, start):
    order = [start]
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in graph.get(node, []):
            if nxt not in order:
                order.append(nxt)
                queue.append(nxt)
    return order
