# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
# TreeNode is provided by the judge: do not define or import it.


def bst_height(root: "TreeNode | None") -> int:
    # TODO: return the number of nodes on the longest root-to-leaf path (0 for an empty tree).
    return 0
