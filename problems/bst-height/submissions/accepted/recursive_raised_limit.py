import sys

# The plain recursion is fine once the limit covers the deepest tree (10^4 levels).
sys.setrecursionlimit(30000)


def bst_height(root: Optional[TreeNode]) -> int:
    if root is None:
        return 0
    return 1 + max(bst_height(root.left), bst_height(root.right))
