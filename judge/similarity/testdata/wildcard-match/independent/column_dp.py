class Solution:
    def is_match(self, text: str, pattern: str) -> bool:
        n = len(text)
        col = [True] + [False] * n      # col[i]: text[:i] matches the pattern read so far
        for p in pattern:
            if p == '*':
                seen = False
                for i in range(n + 1):
                    seen = seen or col[i]
                    col[i] = seen
            else:
                for i in range(n, 0, -1):
                    col[i] = col[i - 1] and (p == '?' or p == text[i - 1])
                col[0] = False
        return col[n]
