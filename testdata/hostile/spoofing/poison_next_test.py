# On the first test, poisons everything it can reach for the next tests (builtins, sys, the
# recursion limit, int parsing, the harness's modules) and answers right. Every test starts from
# the program's first line with builtins, the recursion limit and the int-digits limit given back
# (a run's baseline, or a fresh process): the next test finds nothing poisoned and answers right
# too. What it did to the harness's modules could spoil only its own run's later tests.
import builtins
import sys

poisoned = getattr(builtins, "POISON", False)
a, b = map(int, input().split())
print(a + b if not poisoned else "poisoned")
builtins.POISON = True
builtins.int = lambda *x: 0
sys.setrecursionlimit(50)
sys.set_int_max_str_digits(640)
for name, mod in list(sys.modules.items()):
    if name.startswith(("json", "struct", "os")):
        try:
            mod.dumps = mod.pack = None
        except (AttributeError, TypeError):
            pass
