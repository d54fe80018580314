# Depth-first with an explicit stack of (node, depth) pairs: no recursion, so no recursion limit.
class Solution:
    def bst_height(self, root: Optional[TreeNode]) -> int:
        best = 0
        stack = [(root, 1)] if root is not None else []
        while stack:
            node, d = stack.pop()
            if d > best:
                best = d
            if node.left is not None:
                stack.append((node.left, d + 1))
            if node.right is not None:
                stack.append((node.right, d + 1))
        return best
