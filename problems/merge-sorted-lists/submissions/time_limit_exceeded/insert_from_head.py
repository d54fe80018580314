# Naive: insert every node of l2 into l1, each time walking from the head. O(n * m).
def merge_two_lists(l1, l2):
    head = l1
    while l2 is not None:
        node, l2 = l2, l2.next
        if head is None or node.val < head.val:
            node.next, head = head, node
            continue
        cur = head
        while cur.next is not None and cur.next.val <= node.val:
            cur = cur.next
        node.next, cur.next = cur.next, node
    return head
