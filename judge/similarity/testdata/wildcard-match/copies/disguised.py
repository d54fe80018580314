# Wildcard matching with a rolling DP row.
import sys

MAX = 10 ** 6


class Solution:
    def is_match(self, s: str, p: str) -> bool:
        """Return True when p matches all of s."""
        p = self._squeeze(p)
        last = [False] * (len(p) + 1)
        last[0] = True  # empty matches empty
        for k in range(1, len(p) + 1):
            last[k] = last[k - 1] and p[k - 1] == "*"
        total = 0
        for letter in s:
            row = [False] * (len(p) + 1)
            # fill the row for this letter
            for k in range(1, len(p) + 1):
                sym = p[k - 1]
                if sym == "*":
                    row[k] = row[k - 1] or last[k]
                elif sym == "?" or sym == letter:
                    row[k] = last[k - 1]
            last = row
            total += 1
        if total > MAX:
            sys.stderr.write("long text\n")
        return last[len(p)]

    def _squeeze(self, pat):
        # collapse runs of stars: "a**b" is "a*b"
        res = []
        for c in pat:
            if c == "*" and res and res[-1] == "*":
                continue
            res.append(c)
        return "".join(res)
