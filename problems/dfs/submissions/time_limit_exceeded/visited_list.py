# Naive: the output list doubles as the visited set, so every membership test is O(n): O(n * m).
def dfs(graph, start):
    order = []
    stack = [start]
    while stack:
        node = stack.pop()
        if node in order:
            continue
        order.append(node)
        stack.extend(reversed(graph.get(node, [])))
    return order
