# Z-algorithm over code points: needle + [separator] + haystack; a Z-value equal to
# len(needle) marks an occurrence. The separator -1 is no code point, so it never matches.
from typing import List


class Solution:
    def contains(self, haystack: str, needle: str) -> bool:
        m = len(needle)
        if m == 0:
            return True
        if m > len(haystack):
            return False
        s: List[int] = [ord(c) for c in needle]
        s.append(-1)
        s.extend(ord(c) for c in haystack)
        n = len(s)
        z = [0] * n
        left = right = 0
        for i in range(1, n):
            if i < right:
                k = z[i - left]
                if k < right - i:
                    z[i] = k
                    continue
                k = right - i
            else:
                k = 0
            while i + k < n and s[k] == s[i + k]:
                k += 1
            z[i] = k
            if k == m:
                return True
            left, right = i, i + k
        return False
