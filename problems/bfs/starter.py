from typing import Dict, List


def bfs(graph: Dict[str, List[str]], start: str) -> List[str]:
    # TODO: return the nodes reachable from start in breadth-first visiting order
    # (neighbours in list order, each node once; a node without a key has no out-edges).
    return [start]
