from typing import Dict, List


def dfs(graph: Dict[str, List[str]], start: str) -> List[str]:
    # TODO: return the nodes reachable from start in depth-first preorder
    # (neighbours in list order, each node once; paths can be 10^5 nodes deep).
    return [start]
