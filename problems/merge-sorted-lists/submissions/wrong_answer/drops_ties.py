# Classic mistake: on equal values it takes one node and advances both lists, losing the other.
def merge_two_lists(l1, l2):
    dummy = tail = ListNode()
    while l1 is not None and l2 is not None:
        if l1.val < l2.val:
            tail.next, l1 = l1, l1.next
        elif l2.val < l1.val:
            tail.next, l2 = l2, l2.next
        else:
            tail.next, l1, l2 = l1, l1.next, l2.next
        tail = tail.next
    tail.next = l1 if l1 is not None else l2
    return dummy.next
