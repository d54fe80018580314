# Tries to smuggle the hidden test's input out through its output and stderr, and through the
# message of sys.exit: a hidden test's report shows none of them.
import sys

data = input()
print(data)
sys.stderr.write(data + "\n")
sys.exit(data)
