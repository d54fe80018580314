import json
import sys

args = json.loads(sys.stdin.read())
ok = (isinstance(args, list) and len(args) == 1 and isinstance(args[0], list) and len(args[0]) <= 100
      and all(type(x) is int and -1000 <= x <= 1000 for x in args[0]))
sys.exit(42 if ok else 43)
