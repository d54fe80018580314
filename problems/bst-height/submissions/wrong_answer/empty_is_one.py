# Classic mistake: the level loop starts from [root] without checking for an empty tree, and
# the None guards make it count one (empty) level.
def bst_height(root):
    height = 0
    level = [root]
    while level:
        height += 1
        nxt = []
        for node in level:
            if node and node.left:
                nxt.append(node.left)
            if node and node.right:
                nxt.append(node.right)
        level = nxt
    return height
