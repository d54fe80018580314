def bfs(graph: Dict[str, List[str]], start: str) -> List[str]:
    # Return the nodes in breadth-first visiting order from start.
    return [start]
