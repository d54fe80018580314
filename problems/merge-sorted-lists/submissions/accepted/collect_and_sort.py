# Independent method: read both lists into Python lists, sort (Timsort merges the two runs in
# linear time), and build a fresh list.
class Solution:
    def merge_two_lists(self, l1: Optional[ListNode], l2: Optional[ListNode]) -> Optional[ListNode]:
        values = []
        for node in (l1, l2):
            while node is not None:
                values.append(node.val)
                node = node.next
        values.sort()
        head = None
        for v in reversed(values):
            head = ListNode(v, head)
        return head
