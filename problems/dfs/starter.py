def dfs(graph: Dict[str, List[str]], start: str) -> List[str]:
    # Return the nodes in depth-first preorder from start.
    return [start]
