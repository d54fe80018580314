# One pass with a set of characters already emitted.
class Solution:
    def remove_duplicates(self, s: str) -> str:
        seen = set()
        out = []
        for c in s:
            if c not in seen:
                seen.add(c)
                out.append(c)
        return "".join(out)
