def bst_height(root: Optional[TreeNode]) -> int:
    # Number of nodes on the longest root-to-leaf path; 0 for an empty tree.
    return 0
