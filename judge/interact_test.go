package judge_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/judgetest"
)

func interactiveProblem(answers ...string) *judge.Problem {
	p := stdioProblem(answers...)
	p.Validation.Validator = &judge.Program{Entry: "v.py", Files: map[string][]byte{"v.py": []byte("pass\n")}}
	p.Validation.Interactive = true
	return p
}

// side is one side of an interaction's test: its status, exit code and when it ended.
func side(status judge.Status, code int, ended time.Duration) judge.Execution {
	e := judge.Execution{Status: status, ExitCode: &code, Ended: ended, CPU: 3 * time.Millisecond}
	if status == judge.StatusRE {
		e.Detail = "exit code 1"
	}
	return e
}

// Who ended first decides between the two sides' verdicts, as in Kattis's tools.
func TestDecideExchange(t *testing.T) {
	const early, late = 1 * time.Second, 2 * time.Second
	tle := side(judge.StatusTLE, 0, late)
	tle.Detail = "CPU time over the 1000 ms limit"
	overCPU := side(judge.StatusOK, 0, late)
	overCPU.CPU = 1500 * time.Millisecond
	cases := []struct {
		name     string
		sub, val judge.Execution
		want     judge.Verdict
	}{
		{"both fine", side(judge.StatusOK, 0, early), side(judge.StatusOK, judge.ExitAccept, late), judge.Accepted},
		{"validator first rejects, the submission then breaks its pipe", side(judge.StatusRE, 1, late), side(judge.StatusOK, judge.ExitReject, early), judge.WrongAnswer},
		{"the submission crashes first, the validator then rejects", side(judge.StatusRE, 1, early), side(judge.StatusOK, judge.ExitReject, late), judge.RuntimeError},
		{"validator first accepts, the submission then fails", side(judge.StatusRE, 1, late), side(judge.StatusOK, judge.ExitAccept, early), judge.RuntimeError},
		{"validator first rejects, the submission was over its CPU limit", tle, side(judge.StatusOK, judge.ExitReject, early), judge.TimeLimitExceeded},
		{"validator first accepts, the submission's CPU is over the limit", overCPU, side(judge.StatusOK, judge.ExitAccept, early), judge.TimeLimitExceeded},
		{"the submission hangs until its wall limit, then the validator rejects", func() judge.Execution {
			e := side(judge.StatusTLE, 0, early)
			e.Detail = "wall time over the 4000 ms limit"
			return e
		}(), side(judge.StatusOK, judge.ExitReject, late), judge.TimeLimitExceeded},
		{"the submission reads past the end after the validator rejected, whatever the clocks say", func() judge.Execution {
			e := side(judge.StatusRE, 1, early)
			e.Error = &judge.PyError{Type: "EOFError", Message: "EOF when reading a line"}
			return e
		}(), side(judge.StatusOK, judge.ExitReject, late), judge.WrongAnswer},
		{"the submission ends fine first, the validator rejects", side(judge.StatusOK, 0, early), side(judge.StatusOK, judge.ExitReject, late), judge.WrongAnswer},
		{"the validator crashes", side(judge.StatusOK, 0, early), side(judge.StatusRE, 1, late), judge.InternalError},
		{"the validator exits 0", side(judge.StatusOK, 0, early), side(judge.StatusOK, 0, late), judge.InternalError},
		{"the submission's side never started", side(judge.StatusInternal, 0, late), side(judge.StatusOK, judge.ExitReject, early), judge.InternalError},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := interactiveProblem("x", "y")
			sb := &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
				if job.Mode == judge.JobValidate {
					return c.val, true
				}
				return c.sub, true
			}}
			rep, err := (&judge.Judge{Sandbox: sb}).Judge(context.Background(), p, src, judge.Options{})
			require.NoError(t, err)
			require.NotEmpty(t, rep.Tests)
			assert.Equal(t, c.want, rep.Tests[0].Verdict, rep.Tests[0].Message)
		})
	}
}

// The submission's sandbox never gets a test's input or answer: only the validator does, and it
// gets each group's own arguments, one interaction per distinct argument list.
func TestInteractiveJudgingFeedsOnlyTheValidator(t *testing.T) {
	p := interactiveProblem("ans-a", "ans-b", "ans-c")
	p.Tests[2].ValidatorArgs = []string{"hard"}
	p.Tests[2].Group = "secret/hard"
	sb := &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		if job.Mode == judge.JobValidate {
			code := judge.ExitAccept
			if len(job.Flags) > 0 {
				code = judge.ExitReject
			}
			return judge.Execution{Status: judge.StatusOK, ExitCode: &code, Output: []byte("guessed 5 times"), Ended: 2}, true
		}
		code := 0
		return judge.Execution{Status: judge.StatusOK, ExitCode: &code, Ended: 1}, true
	}}
	rep, err := (&judge.Judge{Sandbox: sb}).Judge(context.Background(), p, src, judge.Options{All: true})
	require.NoError(t, err)
	var verdicts []judge.Verdict
	for _, tr := range rep.Tests {
		verdicts = append(verdicts, tr.Verdict)
	}
	assert.Equal(t, []judge.Verdict{judge.Accepted, judge.Accepted, judge.WrongAnswer}, verdicts)
	assert.Equal(t, judge.WrongAnswer, rep.Verdict)

	runs := sb.Runs()
	var subs, vals []judgetest.Run
	for _, r := range runs {
		if r.Job.Mode == judge.JobValidate {
			vals = append(vals, r)
		} else {
			subs = append(subs, r)
		}
	}
	require.Len(t, subs, 2, "one interaction per argument list")
	require.Len(t, vals, 2)
	for _, r := range subs {
		for _, f := range r.Frames {
			for _, b := range f {
				assert.Empty(t, b, "the submission's sandbox was fed test data")
			}
		}
	}
	assert.Equal(t, [][]byte{[]byte("in-a"), []byte("ans-a"), nil}, vals[0].Frames[0])
	assert.Nil(t, vals[0].Job.Flags)
	assert.Equal(t, []string{"hard"}, vals[1].Job.Flags)
	assert.Equal(t, [][]byte{[]byte("in-c"), []byte("ans-c"), nil}, vals[1].Frames[0])
	// The validator's wall clock runs while the submission thinks: it gets all of the
	// submission's allowance.
	assert.Greater(t, vals[0].Job.Limits.Wall, subs[0].Job.Limits.Wall*5)
	// A hidden test's validator message is not shown; a sample's is.
	assert.Equal(t, "wrong answer on a hidden test", rep.Tests[2].Message)
}

// A sandbox that cannot join two jobs cannot judge an interactive problem: the judge's
// limitation, never the submission's verdict.
func TestInteractiveNeedsAnInteractor(t *testing.T) {
	p := interactiveProblem("x")
	_, err := (&judge.Judge{Sandbox: onlyRun{}}).Judge(context.Background(), p, src, judge.Options{})
	require.Error(t, err)
	assert.ErrorIs(t, err, judge.ErrUnavailable)
	assert.True(t, strings.Contains(err.Error(), "interactive"), err.Error())
}

type onlyRun struct{}

func (onlyRun) Run(context.Context, judge.Job, func(judge.Execution) bool) (judge.RunInfo, error) {
	return judge.RunInfo{}, nil
}
