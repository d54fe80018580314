# Classic mistake: after the loop it appends what is left of l1 only, losing the rest of l2.
def merge_two_lists(l1, l2):
    dummy = tail = ListNode()
    while l1 is not None and l2 is not None:
        if l1.val <= l2.val:
            tail.next, l1 = l1, l1.next
        else:
            tail.next, l2 = l2, l2.next
        tail = tail.next
    tail.next = l1
    return dummy.next
