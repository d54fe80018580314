package docker_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
)

// validators is the validator image's sandbox, counting the jobs it runs by mode.
func validators(t *testing.T) (*judge.ValidatorSandbox, *countingSandbox) {
	t.Helper()
	c, _ := engine(t)
	ctx := context.Background()
	sb, err := docker.NewValidatorSandbox(ctx, c)
	if err != nil && docker.HasValidatorRootfs(ctx, c) {
		_, err = docker.BuildValidator(ctx, c, docker.BuildOptions{})
		require.NoError(t, err)
		sb, err = docker.NewValidatorSandbox(ctx, c)
	}
	require.NoError(t, err, "these tests need the validator image: run `make image` (judge image build --validator)")
	counting := &countingSandbox{inner: sb}
	return &judge.ValidatorSandbox{Sandbox: counting}, counting
}

type countingSandbox struct {
	inner    judge.Sandbox
	compiles atomic.Int32
	runs     atomic.Int32
}

func (c *countingSandbox) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	if job.Mode == judge.JobCompile {
		c.compiles.Add(1)
	} else {
		c.runs.Add(1)
	}
	return c.inner.Run(ctx, job, each)
}

// A C++ validator written against validate.h is compiled once in the validator image, run
// there, and decides: any divisor is right, n itself is wrong, with the validator's message.
func TestCppValidatorWithValidateH(t *testing.T) {
	_, sb := engine(t)
	vs, counts := validators(t)
	j := &judge.Judge{Sandbox: sb, Validators: vs}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	p := testProblem(t, "kattis-validateh")
	require.True(t, p.Validation.Validator.Compiled())

	largest := judge.Submission{Filename: "largest.py", Source: []byte("n = int(input())\nd = 2\nwhile n % d:\n    d += 1\nprint(n // d)\n")}
	rep, err := j.Judge(ctx, p, largest, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "an answer other than the .ans file's: %+v", rep.Tests)

	wrong := judge.Submission{Filename: "n.py", Source: []byte("print(int(input()))\n")}
	rep, err = j.Judge(ctx, p, wrong, judge.Options{Reveal: true})
	require.NoError(t, err)
	assert.Equal(t, judge.WrongAnswer, rep.Verdict)
	assert.Contains(t, rep.Tests[0].Message, "is not strictly between 1 and 12", "judgemessage.txt from validate.h's wrong_answer")

	assert.Equal(t, int32(1), counts.compiles.Load(), "compiled once for both judgings")
	assert.Equal(t, int32(2), counts.runs.Load())
}

// A testlib-style checker with its own testlib.h, in a 2023-07 output_validator/, gets the
// output_validator_args of data/testdata.yaml.
func TestTestlibChecker(t *testing.T) {
	_, sb := engine(t)
	vs, _ := validators(t)
	j := &judge.Judge{Sandbox: sb, Validators: vs}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	p := testProblem(t, "kattis-testlib")
	require.Equal(t, []string{"--distinct"}, p.Tests[0].ValidatorArgs)

	halves := judge.Submission{Filename: "h.py", Source: []byte("n = int(input())\nprint(n // 2, n - n // 2)\n")}
	rep, err := j.Judge(ctx, p, halves, judge.Options{Reveal: true})
	require.NoError(t, err)
	assert.Equal(t, []judge.Verdict{judge.Accepted, judge.Accepted, judge.WrongAnswer, judge.WrongAnswer, judge.Accepted}, verdictsOf(rep))
	assert.Contains(t, rep.Tests[2].Message, "a and b must differ")

	q := *p
	q.Tests = append([]judge.Test{}, p.Tests...)
	for i := range q.Tests {
		q.Tests[i].ValidatorArgs = nil
	}
	rep, err = j.Judge(ctx, &q, halves, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "without --distinct equal halves are fine")
}

func TestValidatorThatDoesNotCompile(t *testing.T) {
	_, sb := engine(t)
	vs, _ := validators(t)
	j := &judge.Judge{Sandbox: sb, Validators: vs}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	p := testProblem(t, "kattis-validateh")
	q := *p
	q.Validation.Validator = &judge.Program{Entry: "v.cc", Lang: judge.LangCPP, Files: map[string][]byte{"v.cc": []byte("int main() { return undeclared; }\n")}}
	_, err := j.Judge(ctx, &q, judge.Submission{Filename: "s.py", Source: []byte("print(6)\n")}, judge.Options{})
	require.ErrorIs(t, err, judge.ErrBadInput)
	assert.Contains(t, err.Error(), "undeclared")
}

func verdictsOf(rep *judge.Report) []judge.Verdict {
	var vs []judge.Verdict
	for _, t := range rep.Tests {
		vs = append(vs, t.Verdict)
	}
	return vs
}
