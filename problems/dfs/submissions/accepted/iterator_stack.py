# Simulates the recursion: the stack holds, for every node on the current path, an iterator over
# its remaining neighbours.
class Solution:
    def dfs(self, graph: Dict[str, List[str]], start: str) -> List[str]:
        seen = {start}
        order = [start]
        stack = [iter(graph.get(start, ()))]
        while stack:
            for nxt in stack[-1]:
                if nxt not in seen:
                    seen.add(nxt)
                    order.append(nxt)
                    stack.append(iter(graph.get(nxt, ())))
                    break
            else:
                stack.pop()
        return order
