# The textbook recursive search. Correct, but a path deeper than the default recursion limit
# (1000) raises RecursionError.
def dfs(graph, start):
    seen = set()
    order = []

    def visit(node):
        seen.add(node)
        order.append(node)
        for nxt in graph.get(node, []):
            if nxt not in seen:
                visit(nxt)

    visit(start)
    return order
