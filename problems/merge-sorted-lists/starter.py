# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
# ListNode is provided by the judge: do not define or import it.


def merge_two_lists(l1: "ListNode | None", l2: "ListNode | None") -> "ListNode | None":
    # TODO: return the head of one ascending list holding every node of l1 and l2.
    return l1
