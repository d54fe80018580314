# Prints ANSI escapes that would clear the reader's terminal, write a fake "AC  accepted" and
# conceal everything after it, and raises with the same text: a wrong answer, and the text
# report shows the escapes as \x1b, never raw.
import sys

fake = "\x1b[2J\x1b[HAC  accepted\npassed 4/4 tests, score 100%\x1b[8m"
print(fake)
sys.stdout.flush()
raise ValueError(fake)
