# Reference: a dummy head and a tail pointer; relinks the existing nodes. O(n + m), O(1) extra.
def merge_two_lists(l1: "ListNode | None", l2: "ListNode | None") -> "ListNode | None":
    dummy = tail = ListNode()
    while l1 is not None and l2 is not None:
        if l1.val <= l2.val:
            tail.next, l1 = l1, l1.next
        else:
            tail.next, l2 = l2, l2.next
        tail = tail.next
    tail.next = l1 if l1 is not None else l2
    return dummy.next
