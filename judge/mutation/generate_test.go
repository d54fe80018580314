package mutation_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge/mutation"
)

// TestGenerateOperators runs mutate.py in the real sandbox over a source that holds every
// operator of the documented set, and checks each shows up as a one-line, compilable change.
func TestGenerateOperators(t *testing.T) {
	sb := sandbox(t)
	src := `"""Docstring, never mutated."""


def f(items: list, k: int) -> int:
    # a comment that stays
    total = 0
    for x in items[1:k]:
        if x < k and x is not None:
            total += x * 2
        elif not x in items:
            break
    flag = True
    print("é")
    return -total
`
	ms, err := mutation.Generate(context.Background(), sb, "sol.py", []byte(src))
	require.NoError(t, err)
	ops := map[string]int{}
	whats := map[string]bool{}
	for _, m := range ms {
		ops[m.Operator]++
		whats[m.What] = true
		assert.NotEqual(t, src, string(m.Source))
		assert.Contains(t, string(m.Source), "# a comment that stays", "mutants are spliced, not unparsed")
		assert.Contains(t, string(m.Source), `"""Docstring, never mutated."""`)
		assert.True(t, strings.HasPrefix(m.Diff, "--- original"), m.Diff)
		assert.Equal(t, "sol.py", m.Origin)
	}
	for _, op := range []string{"compare", "arith", "constant", "boolean", "not", "slice", "return", "delete"} {
		assert.Positive(t, ops[op], "operator %s", op)
	}
	for _, w := range []string{"< -> <=", "< -> >=", "is not -> is", "in -> not in", "+= -> -=", "* -> //", "and -> or",
		"not dropped", "condition negated", "0 -> 1", "2 -> 3", "True -> False", "'é' -> ''", "slice lower dropped",
		"slice upper + 1", "returns None", "unary - dropped", "statement deleted"} {
		assert.True(t, whats[w], "missing mutation %q", w)
	}
	for _, m := range ms {
		assert.NotContains(t, m.Diff, "list ->", "annotations are not mutated")
	}

	_, err = mutation.Generate(context.Background(), sb, "bad.py", []byte("def f(:\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "does not parse")
}
