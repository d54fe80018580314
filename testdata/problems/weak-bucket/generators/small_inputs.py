# Small inputs for the mutation test's triage (judge verify --mutants): every n below 200,
# one arguments array a line.
for n in range(200):
    print(f"[{n}]")
