"""All 60 digits, from the decimal module's square root (score 60 a test)."""
from decimal import Decimal, ROUND_DOWN, getcontext

getcontext().prec = 80
r = Decimal(int(input())).sqrt()
print(r.quantize(Decimal(1).scaleb(-60), rounding=ROUND_DOWN))
