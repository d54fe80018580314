# Level by level with plain lists; a node is marked when it is visited, so a level may hold
# repeats, which are skipped. The first occurrence decides the position, as in a FIFO queue.
class Solution:
    def bfs(self, graph: Dict[str, List[str]], start: str) -> List[str]:
        visited = set()
        order = []
        level = [start]
        while level:
            nxt_level = []
            for node in level:
                if node in visited:
                    continue
                visited.add(node)
                order.append(node)
                nxt_level.extend(v for v in graph.get(node, []) if v not in visited)
            level = nxt_level
        return order
