package judge_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/judgetest"
)

// timedSandbox answers every test correctly (stdio "ok") with a CPU time chosen per submission
// source, run and test; fail is a source whose answers are wrong.
func timedSandbox(cpu func(source string, run, test int) time.Duration, fail string) *judgetest.Sandbox {
	var mu sync.Mutex
	calls := map[string]int{} // per source and test: the run is the how-manieth call
	return &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		src := string(job.Source)
		key := src + "\x00" + string(frames[0])
		mu.Lock()
		run := calls[key]
		calls[key]++
		mu.Unlock()
		test := map[string]int{"sample/1": 0, "secret/small": 1, "secret/big": 2}[string(frames[0])]
		out := "ok"
		if src == fail {
			out = "no"
		}
		return judge.Execution{Status: judge.StatusOK, CPU: cpu(src, run, test), Output: []byte(out)}, true
	}}
}

func calibrationProblem() *judge.Problem {
	p := &judge.Problem{ID: "p", Mode: judge.Stdio, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1}}
	for _, name := range []string{"sample/1", "secret/small", "secret/big"} {
		p.Tests = append(p.Tests, judge.Test{Name: name, Input: []byte(name), Answer: []byte("ok")})
	}
	p.Submissions = []judge.PackageSubmission{
		{Path: "submissions/accepted/a.py", Expected: judge.Accepted, Source: []byte("a")},
		{Path: "submissions/accepted/b.py", Expected: judge.Accepted, Source: []byte("b")},
		{Path: "submissions/wrong_answer/w.py", Expected: judge.WrongAnswer, Source: []byte("w")},
	}
	return p
}

// mapCache is a CalibrationCache in memory.
type mapCache map[string]*judge.Calibration

func (m mapCache) Load(key string) (*judge.Calibration, error) { return m[key], nil }
func (m mapCache) Store(c *judge.Calibration) error            { m[c.Key] = c; return nil }

func TestMeasureTakesTheSlowestMedian(t *testing.T) {
	sb := timedSandbox(func(src string, run, test int) time.Duration {
		ms := map[string][]int{"a": {10, 20, 300}, "b": {10, 40, 350}}[src][test]
		if src == "b" && test == 2 && run == 1 {
			ms = 5000 // one run of a noisy machine: the median ignores it
		}
		if src == "w" {
			panic("calibration ran a submission that is not accepted")
		}
		return time.Duration(ms) * time.Millisecond
	}, "")
	c := &judge.Calibrator{Judge: &judge.Judge{Sandbox: sb}, Environment: "test", Parallel: 2,
		Now: func() time.Time { return time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC) }}
	p := calibrationProblem()
	cal, err := c.Measure(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, 6, len(sb.Runs()), "2 accepted submissions x 3 runs")
	assert.Equal(t, 350*time.Millisecond, cal.Slowest)
	assert.Equal(t, "secret/big", cal.SlowestTest)
	assert.Equal(t, "submissions/accepted/b.py", cal.SlowestSubmission)
	assert.Equal(t, 1100*time.Millisecond, cal.Effective, "3 x 350 ms, rounded up to 0.1 s")
	assert.Equal(t, []judge.TestTiming{
		{Name: "sample/1", MedianMillis: 10, Submission: "submissions/accepted/b.py"},
		{Name: "secret/small", MedianMillis: 40, Submission: "submissions/accepted/b.py"},
		{Name: "secret/big", MedianMillis: 350, Submission: "submissions/accepted/b.py"},
	}, cal.Tests)

	q := cal.Apply(p)
	assert.Equal(t, 1100*time.Millisecond, q.Limits.Time)
	assert.Equal(t, time.Second, p.Limits.Time, "the loaded problem is not changed")
	require.NotNil(t, q.TimeLimit)
	assert.Equal(t, "calibrated", q.TimeLimit.Source)
	assert.Equal(t, "1 s declared; 1.1 s on this machine (calibrated 2026-12-02 10:00 UTC: 3x the slowest accepted test, secret/big at 350 ms)", q.TimeLimit.String())

	// The report of a judging with the calibrated problem says which limit it used.
	rep, err := (&judge.Judge{Sandbox: sb}).Judge(context.Background(), q, judge.Submission{Filename: "a.py", Source: []byte("a")}, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, 1100.0, rep.TimeLimit.EffectiveMillis)
	assert.Equal(t, 1000.0, rep.TimeLimit.DeclaredMillis)
}

func TestEffectiveLimit(t *testing.T) {
	cases := []struct {
		name              string
		declared, slowest time.Duration
		want              time.Duration
	}{
		{"declared when the machine is fast", time.Second, 100 * time.Millisecond, time.Second},
		{"3x the slowest on a slow machine", time.Second, 968 * time.Millisecond, 3 * time.Second},
		{"rounded up to a tenth", time.Second, 401 * time.Millisecond, 1300 * time.Millisecond},
		{"exact tenths stay", 2 * time.Second, time.Second, 3 * time.Second},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, judge.EffectiveLimit(tc.declared, tc.slowest, judge.DefaultMultiplier))
		})
	}
}

func TestTimeLimitSaysHowItWasDerived(t *testing.T) {
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name  string
		limit judge.TimeLimit
		want  string
	}{
		{"raised", judge.TimeLimit{DeclaredMillis: 1000, EffectiveMillis: 3000, Source: "calibrated", CalibratedAt: &at, SlowestAcceptedMillis: 968, SlowestAcceptedTest: "secret/big", Multiplier: 3},
			"1 s declared; 3 s on this machine (calibrated 2026-12-02 10:00 UTC: 3x the slowest accepted test, secret/big at 968 ms)"},
		{"kept", judge.TimeLimit{DeclaredMillis: 1000, EffectiveMillis: 1000, Source: "calibrated", CalibratedAt: &at, SlowestAcceptedMillis: 219, SlowestAcceptedTest: "secret/23", Multiplier: 3},
			"1 s declared, kept on this machine (calibrated 2026-12-02 10:00 UTC: the slowest accepted test, secret/23, takes 219 ms; 3x that is within the limit)"},
		{"declared on request", judge.TimeLimit{DeclaredMillis: 2000, EffectiveMillis: 2000, Source: "declared", Note: "--declared-limits"},
			"2 s declared, used as is (--declared-limits)"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, tc.limit.String()) })
	}
}

func TestCalibrationWithoutAcceptedSubmissionUsesTheDeclaredLimit(t *testing.T) {
	sb := timedSandbox(func(string, int, int) time.Duration { return time.Millisecond }, "")
	p := calibrationProblem()
	p.Submissions = p.Submissions[2:]
	cal, err := (&judge.Calibrator{Judge: &judge.Judge{Sandbox: sb}}).Measure(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, 0, len(sb.Runs()))
	assert.Equal(t, time.Second, cal.Effective)
	assert.Equal(t, "declared", cal.Limit().Source)
	assert.Contains(t, cal.Limit().String(), "no accepted submission")
}

func TestCalibrationOfABrokenPackageIsBadInput(t *testing.T) {
	sb := timedSandbox(func(string, int, int) time.Duration { return time.Millisecond }, "b")
	_, err := (&judge.Calibrator{Judge: &judge.Judge{Sandbox: sb}, Parallel: 2}).Measure(context.Background(), calibrationProblem())
	require.Error(t, err)
	assert.True(t, errors.Is(err, judge.ErrBadInput), err)
	assert.Contains(t, err.Error(), "submissions/accepted/b.py got WA")
}

func TestCalibrationIsCachedPerEnvironmentAndProblemVersion(t *testing.T) {
	sb := timedSandbox(func(string, int, int) time.Duration { return 500 * time.Millisecond }, "")
	cache := mapCache{}
	c := &judge.Calibrator{Judge: &judge.Judge{Sandbox: sb}, Cache: cache, Environment: "machine A", Parallel: 2}
	p := calibrationProblem()
	cal, cached, err := c.Calibrate(context.Background(), p)
	require.NoError(t, err)
	assert.False(t, cached)
	assert.Equal(t, 6, len(sb.Runs()))

	again, cached, err := c.Calibrate(context.Background(), p)
	require.NoError(t, err)
	assert.True(t, cached)
	assert.Equal(t, 6, len(sb.Runs()), "a cached calibration runs nothing")
	assert.Equal(t, cal.Effective, again.Effective)

	changed := calibrationProblem()
	changed.Tests[2].Input = []byte("a bigger test")
	assert.NotEqual(t, c.Key(p), c.Key(changed), "a new version of the tests calibrates anew")
	slower := calibrationProblem()
	slower.Submissions[0].Source = []byte("a2")
	assert.NotEqual(t, c.Key(p), c.Key(slower), "a new accepted submission calibrates anew")
	other := *c
	other.Environment = "machine B"
	assert.NotEqual(t, c.Key(p), other.Key(p), "another machine or image calibrates anew")
	notAccepted := calibrationProblem()
	notAccepted.Submissions[2].Source = []byte("w2")
	assert.Equal(t, c.Key(p), c.Key(notAccepted), "only accepted submissions set the limit")
}

func TestEachStopsAtTheFirstError(t *testing.T) {
	var mu sync.Mutex
	ran := 0
	boom := errors.New("boom")
	err := judge.Each(context.Background(), 100, 1, func(ctx context.Context, i int) error {
		mu.Lock()
		ran++
		mu.Unlock()
		if i == 3 {
			return boom
		}
		return nil
	})
	assert.ErrorIs(t, err, boom)
	assert.Less(t, ran, 100, "calls after the error are skipped")

	seen := make([]bool, 50)
	require.NoError(t, judge.Each(context.Background(), 50, 4, func(_ context.Context, i int) error {
		mu.Lock()
		seen[i] = true
		mu.Unlock()
		return nil
	}))
	for i, s := range seen {
		assert.True(t, s, "call %d", i)
	}
}
