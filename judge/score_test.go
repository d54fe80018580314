package judge_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
)

func TestScoringProblemReportsPoints(t *testing.T) {
	p := stdioProblem("s", "1", "2", "3")
	p.Tests[3].Group = "secret/g"
	// secret: sum of the tests b (30) and c (30) and the pass-fail group g (40).
	p.Scoring = &judge.ScoreNode{Name: "secret", Test: -1, Aggregation: judge.AggregateSum, Children: []*judge.ScoreNode{
		{Name: "secret/b", Test: 1, Accept: 30},
		{Name: "secret/c", Test: 2, Accept: 30},
		{Name: "secret/g", Test: -1, Aggregation: judge.AggregatePassFail, Accept: 40, Children: []*judge.ScoreNode{{Name: "secret/d", Test: 3}}},
	}}
	rep, err := (&judge.Judge{Sandbox: fake(p, nil, ok(0, "wrong sample"), ok(1, "1"), ok(2, "x"), ok(3, "3"))}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.WrongAnswer, rep.Verdict)
	require.NotNil(t, rep.Points)
	assert.Equal(t, 70.0, rep.Points.Score, "the sample is not scored; c's WA loses its 30")
	assert.Equal(t, 100.0, rep.Points.Max)
	assert.Equal(t, []judge.GroupPoints{{Group: "secret/g", Score: 40, Max: 40}}, rep.Points.Groups)
	assert.Equal(t, 0.7, rep.Score, "score is the share of the maximum")
	assert.Equal(t, "70/100", rep.Points.String())

	q := stdioProblem("s", "1")
	rep, err = (&judge.Judge{Sandbox: fake(q, nil, ok(0, "s"), ok(1, "1"))}).Judge(context.Background(), q, src, judge.Options{})
	require.NoError(t, err)
	assert.Nil(t, rep.Points, "pass-fail problems have no points")
}

func TestGroupValidatorArgs(t *testing.T) {
	p := stdioProblem("1", "2", "3")
	p.Validation.Flags = []string{"base"}
	p.Validation.Validator = &judge.Program{Entry: "validate.py", Files: map[string][]byte{"validate.py": []byte("")}}
	p.Tests[2].ValidatorArgs = []string{"base", "strict"}
	fs := fake(p, func([][]byte) int { return 42 }, ok(0, "1"), ok(1, "2"), ok(2, "3"))
	rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict)
	require.Len(t, fs.Runs(), 3, "one validator sandbox per distinct argument list")
	// The validators run beside the submission: their runs end in any order.
	validated := map[string][]string{}
	for _, r := range fs.Runs() {
		if r.Job.Mode == judge.JobValidate {
			for _, f := range r.Frames {
				validated[strings.Join(r.Job.Flags, " ")] = append(validated[strings.Join(r.Job.Flags, " ")], string(f[2]))
			}
		}
	}
	assert.Equal(t, map[string][]string{"base": {"1", "2"}, "base strict": {"3"}}, validated)

	t.Run("default checker takes a group's flags", func(t *testing.T) {
		p := stdioProblem("x", "ABC")
		p.Tests[1].ValidatorArgs = []string{"case_sensitive"}
		rep, err := (&judge.Judge{Sandbox: fake(p, nil, ok(0, "X"), ok(1, "abc"))}).Judge(context.Background(), p, src, judge.Options{})
		require.NoError(t, err)
		assert.Equal(t, []judge.Verdict{judge.Accepted, judge.WrongAnswer}, verdicts(rep))
	})
}
