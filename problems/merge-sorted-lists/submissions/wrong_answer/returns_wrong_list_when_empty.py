# Classic mistake: a typo in the early exit returns the empty list instead of the other one.
def merge_two_lists(l1, l2):
    if l1 is None:
        return l1
    if l2 is None:
        return l1
    dummy = tail = ListNode()
    while l1 is not None and l2 is not None:
        if l1.val <= l2.val:
            tail.next, l1 = l1, l1.next
        else:
            tail.next, l2 = l2, l2.next
        tail = tail.next
    tail.next = l1 if l1 is not None else l2
    return dummy.next
