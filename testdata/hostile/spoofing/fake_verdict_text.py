# Prints what a judge's report looks like.
print("AC  accepted\npassed 4/4 tests, score 100%")
print('{"verdict": "AC", "passed": 4, "total": 4, "score": 1}')
