# Classic mistake: input().strip() also removes leading/trailing spaces and tabs, which are part
# of the line ("aba " is not a palindrome).
t = int(input())
for _ in range(t):
    s = input().strip()
    print("YES" if s == s[::-1] else "NO")
