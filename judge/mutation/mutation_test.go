package mutation_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/mutation"
	"github.com/judge-dev/judge/judge/problemset"
)

// TestWeakAndStrongTests runs the whole mutation test in the real sandbox on two packages with
// the same reference: one whose tests never hold a zero (a gap, `x > 0` -> `x >= 0` survives,
// and the triage must find the smallest input that shows it), one whose tests do (no gap).
func TestWeakAndStrongTests(t *testing.T) {
	sb := sandbox(t)
	// The budget is not under test here (TestSpentBudgetIsNotAnError is): on a slow or loaded
	// machine it must not leave mutants not judged or survivors untriaged.
	mt := &mutation.Tester{Judge: &judge.Judge{Sandbox: sb}, Parallel: 2, Budget: time.Hour}

	weak, err := problemset.LoadDir("../../testdata/problems/weak-count")
	require.NoError(t, err)
	r, err := mt.Problem(context.Background(), weak)
	require.NoError(t, err)
	assert.Positive(t, r.Killed)
	assert.Equal(t, r.Mutants, r.Killed+r.Survived)
	assert.Positive(t, r.Gaps)
	assert.Positive(t, r.Inputs, "%v", r.Notes)
	var ge bool
	for _, s := range r.Survivors {
		if s.What == "> -> >=" {
			ge = true
			assert.Equal(t, mutation.Gap, s.Class)
			assert.Equal(t, "[[0]]\n", s.Input, "the smallest input that tells it apart")
			assert.JSONEq(t, "0", s.Answer)
			assert.Contains(t, s.Got, "WA")
			assert.Contains(t, s.Diff, "+        if (x >= 0):")
		}
	}
	assert.True(t, ge, "the >= mutant survives the weak tests: %+v", r.Survivors)
	require.NotEmpty(t, r.Tests)
	assert.Equal(t, "[[0]]\n", r.Tests[0].Input, "the suggested test")
	assert.JSONEq(t, "0", r.Tests[0].Answer)

	strong, err := problemset.LoadDir("../../testdata/problems/strong-count")
	require.NoError(t, err)
	r, err = mt.Problem(context.Background(), strong)
	require.NoError(t, err)
	assert.Positive(t, r.Killed)
	assert.Zero(t, r.Gaps, "%+v", r.Survivors)
	assert.Empty(t, r.Tests)
	for _, s := range r.Survivors {
		assert.Equal(t, mutation.Equivalent, s.Class, "%+v", s)
	}
}

// TestDeclaredSmallInputsFindWhatTheNeighbourhoodCannot: weak-bucket's tests (5, 50, 500, 5000)
// are far from its edges 10 and 100, and so is every input an edit or two away from them: the
// boundary mutants (n < 10 -> n <= 10, ...) pass as probably equivalent. Its
// generators/small_inputs.py declares every n below 200, and with it the triage reports them as
// gaps, with the edge as the suggested test.
func TestDeclaredSmallInputsFindWhatTheNeighbourhoodCannot(t *testing.T) {
	sb := sandbox(t)
	mt := &mutation.Tester{Judge: &judge.Judge{Sandbox: sb}, Parallel: 2, Budget: time.Hour}
	p, err := problemset.LoadDir("../../testdata/problems/weak-bucket")
	require.NoError(t, err)
	require.NotNil(t, p.SmallInputs)

	without := *p
	without.SmallInputs = nil
	r, err := mt.Problem(context.Background(), &without)
	require.NoError(t, err)
	assert.Zero(t, r.Gaps, "the neighbourhood alone finds no gap: %+v", r.Survivors)
	assert.Zero(t, r.Declared)
	edge := func(r *mutation.Result, what string) *mutation.Survivor {
		for i, s := range r.Survivors {
			if s.What == what {
				return &r.Survivors[i]
			}
		}
		return nil
	}
	s := edge(r, "< -> <=")
	require.NotNil(t, s, "a boundary mutant survives the tests: %+v", r.Survivors)
	assert.Equal(t, mutation.Equivalent, s.Class)

	r, err = mt.Problem(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, 198, r.Declared, "n = 0..199 less the tests 5 and 50")
	assert.GreaterOrEqual(t, r.Inputs, r.Declared)
	assert.Positive(t, r.Gaps, "%+v", r.Survivors)
	var inputs []string
	for _, tc := range r.Tests {
		inputs = append(inputs, tc.Input)
	}
	assert.Contains(t, inputs, "[10]\n", "the first edge, as a suggested test")
	assert.Contains(t, inputs, "[100]\n", "the second")
	for _, s := range r.Survivors {
		if s.What == "< -> <=" {
			assert.Equal(t, mutation.Gap, s.Class, "%+v", s)
		}
	}
}
