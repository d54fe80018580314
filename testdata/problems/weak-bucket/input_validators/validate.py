import json
import sys

args = json.loads(sys.stdin.read())
ok = isinstance(args, list) and len(args) == 1 and type(args[0]) is int and 0 <= args[0] <= 10**6
sys.exit(42 if ok else 43)
