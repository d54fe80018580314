# Classic mistake (a BST misconception): assumes the deepest node is the minimum or the maximum
# key, so only the leftmost and the rightmost paths are measured. Right for chains, perfect and
# complete trees; wrong as soon as the longest path turns.
def bst_height(root):
    def spine(node, go_left):
        n = 0
        while node is not None:
            n += 1
            node = node.left if go_left else node.right
        return n

    return max(spine(root, True), spine(root, False))
