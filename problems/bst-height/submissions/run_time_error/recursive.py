# The textbook recursion. Correct, but a tree deeper than the default recursion limit (1000)
# raises RecursionError.
def bst_height(root):
    if root is None:
        return 0
    return 1 + max(bst_height(root.left), bst_height(root.right))
