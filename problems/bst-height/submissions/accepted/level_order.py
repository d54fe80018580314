from collections import deque


# Breadth-first, one level at a time: the height is the number of levels.
def bst_height(root: Optional[TreeNode]) -> int:
    if root is None:
        return 0
    height = 0
    level = deque([root])
    while level:
        height += 1
        for _ in range(len(level)):
            node = level.popleft()
            if node.left is not None:
                level.append(node.left)
            if node.right is not None:
                level.append(node.right)
    return height
