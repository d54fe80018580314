package verify_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/judgetest"
	"github.com/judge-dev/judge/judge/problemset"
	"github.com/judge-dev/judge/judge/verify"
)

// scripted is the shared fake sandbox answering every job from tables keyed by source: a
// verdict-shaped execution per test; the input validator ("validator") accepts every input.
func scripted(status map[string]judge.Status, output map[string]string, cpu time.Duration) *judgetest.Sandbox {
	return &judgetest.Sandbox{Exec: func(job judge.Job, _ [][]byte) (judge.Execution, bool) {
		e := judge.Execution{Status: judge.StatusOK, CPU: cpu}
		if string(job.Source) == "validator" {
			e.ExitCode = intp(42)
			return e, true
		}
		if st, ok := status[string(job.Source)]; ok {
			e.Status = st
		}
		e.Output = []byte(output[string(job.Source)])
		return e, true
	}}
}

func intp(i int) *int { return &i }

func problem() *judge.Problem {
	return &judge.Problem{
		ID: "p", Mode: judge.Stdio, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1},
		Tests:          []judge.Test{{Name: "sample/1", Answer: []byte("1")}, {Name: "secret/1", Answer: []byte("1")}},
		InputValidator: &judge.Program{Entry: "v.py", Files: map[string][]byte{"v.py": []byte("validator")}},
	}
}

func TestVerdictsMustMatchFolders(t *testing.T) {
	cases := []struct {
		name string
		subs []judge.PackageSubmission
		cpu  time.Duration
		ok   bool
		want string
	}{
		{"all as expected", []judge.PackageSubmission{
			{Path: "submissions/accepted/a.py", Expected: judge.Accepted, Source: []byte("ac")},
			{Path: "submissions/wrong_answer/w.py", Expected: judge.WrongAnswer, Source: []byte("wa")},
			{Path: "submissions/time_limit_exceeded/t.py", Expected: judge.TimeLimitExceeded, Source: []byte("tle")},
		}, 10 * time.Millisecond, true, ""},
		{"accepted solution fails", []judge.PackageSubmission{
			{Path: "submissions/accepted/a.py", Expected: judge.Accepted, Source: []byte("wa")},
		}, 10 * time.Millisecond, false, "expected AC, got WA"},
		{"wrong answer that crashes is worse than WA", []judge.PackageSubmission{
			{Path: "submissions/accepted/a.py", Expected: judge.Accepted, Source: []byte("ac")},
			{Path: "submissions/wrong_answer/w.py", Expected: judge.WrongAnswer, Source: []byte("re")},
		}, 10 * time.Millisecond, false, "expected WA, got RE"},
		{"thin margin", []judge.PackageSubmission{
			{Path: "submissions/accepted/a.py", Expected: judge.Accepted, Source: []byte("ac")},
		}, 700 * time.Millisecond, false, "only 1.4x the slowest accepted"},
		{"no accepted", []judge.PackageSubmission{
			{Path: "submissions/wrong_answer/w.py", Expected: judge.WrongAnswer, Source: []byte("wa")},
		}, 10 * time.Millisecond, false, "no accepted submission"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sb := scripted(map[string]judge.Status{"tle": judge.StatusTLE, "re": judge.StatusRE},
				map[string]string{"ac": "1", "wa": "2"}, tc.cpu)
			p := problem()
			p.Submissions = tc.subs
			v := &verify.Verifier{Judge: &judge.Judge{Sandbox: sb}, Parallel: 2}
			r, err := v.Problem(context.Background(), p)
			require.NoError(t, err)
			assert.Equal(t, tc.ok, r.OK, "%v", r.Problems)
			if tc.want != "" {
				assert.Contains(t, r.Problems[0]+" "+last(r.Problems), tc.want)
			}
		})
	}
}

func last(s []string) string { return s[len(s)-1] }

// TestMarginOfACalibratedLimit takes the margin against the calibration's median, not one run:
// a single slow run of this verification does not fail the package, a calibration that says the
// limit is thin does.
func TestMarginOfACalibratedLimit(t *testing.T) {
	cases := []struct {
		name           string
		runCPU         time.Duration
		calibratedSlow float64
		ok             bool
		margin         float64
	}{
		{"one noisy run", 700 * time.Millisecond, 300, true, 1000.0 / 300},
		{"thin by calibration", 10 * time.Millisecond, 700, false, 1000.0 / 700},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sb := scripted(nil, map[string]string{"ac": "1"}, tc.runCPU)
			p := problem()
			p.Submissions = []judge.PackageSubmission{{Path: "submissions/accepted/a.py", Expected: judge.Accepted, Source: []byte("ac")}}
			p.TimeLimit = &judge.TimeLimit{DeclaredMillis: 1000, EffectiveMillis: 1000, Source: "calibrated",
				SlowestAcceptedMillis: tc.calibratedSlow, SlowestAcceptedTest: "secret/1", Multiplier: 3}
			r, err := (&verify.Verifier{Judge: &judge.Judge{Sandbox: sb}, Parallel: 2}).Problem(context.Background(), p)
			require.NoError(t, err)
			assert.Equal(t, tc.ok, r.OK, "%v", r.Problems)
			assert.InDelta(t, tc.margin, r.Margin, 1e-9)
		})
	}
}

// TestKattisPackageOnDocker verifies an unmodified Kattis-layout package (Python output
// validator, .timelimit, LaTeX statement) against the real engine.
func TestKattisPackageOnDocker(t *testing.T) {
	ctx := context.Background()
	c, err := docker.Connect(ctx)
	require.NoError(t, err, "this test needs a running Docker engine")
	defer c.Close()
	sb, err := docker.NewSandbox(ctx, c, docker.RunnerImage())
	require.NoError(t, err, "this test needs the runner image: make image")
	p, err := problemset.LoadDir("../../testdata/problems/kattis-hypot")
	require.NoError(t, err)
	assert.Equal(t, "Hypotenuse", p.Name)
	v := &verify.Verifier{Judge: &judge.Judge{Sandbox: sb}, Parallel: 2}
	r, err := v.Problem(ctx, p)
	require.NoError(t, err)
	assert.True(t, r.OK, "%v", r.Problems)
	assert.True(t, r.Inputs.Validated)
	require.Len(t, r.Submissions, 3)
	for _, s := range r.Submissions {
		assert.True(t, s.OK, "%s: want %s got %s %s", s.Path, s.Expected, s.Got, s.Note)
	}
}

func TestScoresAndMarginsComeFromThePackage(t *testing.T) {
	p := problem()
	p.Scoring = &judge.ScoreNode{Name: "secret", Test: -1, Aggregation: judge.AggregateSum, Children: []*judge.ScoreNode{{Name: "secret/1", Test: 1, Accept: 100}}}
	p.Margins = judge.Margins{ACToTimeLimit: 4, TimeLimitToTLE: 1.5}
	p.Submissions = []judge.PackageSubmission{
		{Path: "submissions/accepted/a.py", Expected: judge.Accepted, Source: []byte("ac"), Score: &[2]float64{100, 100}},
		{Path: "submissions/wrong_answer/w.py", Expected: judge.WrongAnswer, Source: []byte("wa"), Score: &[2]float64{10, 50}},
		{Path: "submissions/time_limit_exceeded/t.py", Expected: judge.TimeLimitExceeded, Source: []byte("tle")},
	}
	sb := scripted(map[string]judge.Status{"tle": judge.StatusTLE}, map[string]string{"ac": "1", "wa": "2"}, 300*time.Millisecond)
	r, err := (&verify.Verifier{Judge: &judge.Judge{Sandbox: sb}, Parallel: 1}).Problem(context.Background(), p)
	require.NoError(t, err)
	assert.False(t, r.OK)
	assert.Contains(t, r.Problems, "submissions/wrong_answer/w.py: expected WA, got WA (score 0/100, want [10, 50])")
	assert.Contains(t, r.Problems, "time limit 1000 ms is only 3.3x the slowest accepted test (sample/1, 300 ms); want >= 4.0x")
	for _, s := range r.Submissions {
		if s.Expected == judge.TimeLimitExceeded {
			assert.Equal(t, "judged with 1.5x the time limit", s.Note)
		}
		if s.Expected == judge.Accepted {
			assert.True(t, s.OK, "100/100 is in range")
			assert.Equal(t, "100/100", s.Points.String())
		}
	}
	for _, run := range sb.Runs() {
		if string(run.Job.Source) == "tle" {
			assert.Equal(t, 1500*time.Millisecond, run.Job.Limits.Time)
		}
	}
}
