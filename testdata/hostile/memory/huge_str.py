# One str of 10^9 characters, far over the 64 MiB limit: MLE.
x = "x" * 10**9
print(len(x))
