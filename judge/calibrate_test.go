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
)

// timedSandbox answers every test correctly (stdio "ok"), with a CPU time chosen per
// submission source, test and run.
type timedSandbox struct {
	mu   sync.Mutex
	runs map[string]int // runs so far per source
	cpu  func(source string, run, test int) time.Duration
	fail string // a source that prints a wrong answer
}

func (s *timedSandbox) Run(_ context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	s.mu.Lock()
	if s.runs == nil {
		s.runs = map[string]int{}
	}
	run := s.runs[string(job.Source)]
	s.runs[string(job.Source)]++
	s.mu.Unlock()
	for i := 0; i < job.Tests; i++ {
		out := "ok"
		if string(job.Source) == s.fail {
			out = "no"
		}
		if !each(judge.Execution{Test: i, Status: judge.StatusOK, CPU: s.cpu(string(job.Source), run, i), Output: []byte(out)}) {
			break
		}
	}
	return judge.RunInfo{Completed: job.Tests}, nil
}

func (s *timedSandbox) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.runs {
		n += r
	}
	return n
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
	sb := &timedSandbox{cpu: func(src string, run, test int) time.Duration {
		ms := map[string][]int{"a": {10, 20, 300}, "b": {10, 40, 350}}[src][test]
		if src == "b" && test == 2 && run == 1 {
			ms = 5000 // one run of a noisy machine: the median ignores it
		}
		if src == "w" {
			panic("calibration ran a submission that is not accepted")
		}
		return time.Duration(ms) * time.Millisecond
	}}
	c := &judge.Calibrator{Judge: &judge.Judge{Sandbox: sb}, Environment: "test", Parallel: 2,
		Now: func() time.Time { return time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC) }}
	p := calibrationProblem()
	cal, err := c.Measure(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, 6, sb.total(), "2 accepted submissions x 3 runs")
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
	sb := &timedSandbox{cpu: func(string, int, int) time.Duration { return time.Millisecond }}
	p := calibrationProblem()
	p.Submissions = p.Submissions[2:]
	cal, err := (&judge.Calibrator{Judge: &judge.Judge{Sandbox: sb}}).Measure(context.Background(), p)
	require.NoError(t, err)
	assert.Equal(t, 0, sb.total())
	assert.Equal(t, time.Second, cal.Effective)
	assert.Equal(t, "declared", cal.Limit().Source)
	assert.Contains(t, cal.Limit().String(), "no accepted submission")
}

func TestCalibrationOfABrokenPackageIsBadInput(t *testing.T) {
	sb := &timedSandbox{cpu: func(string, int, int) time.Duration { return time.Millisecond }, fail: "b"}
	_, err := (&judge.Calibrator{Judge: &judge.Judge{Sandbox: sb}, Parallel: 2}).Measure(context.Background(), calibrationProblem())
	require.Error(t, err)
	assert.True(t, errors.Is(err, judge.ErrBadInput), err)
	assert.Contains(t, err.Error(), "submissions/accepted/b.py got WA")
}

func TestCalibrationIsCachedPerEnvironmentAndProblemVersion(t *testing.T) {
	sb := &timedSandbox{cpu: func(string, int, int) time.Duration { return 500 * time.Millisecond }}
	cache := mapCache{}
	c := &judge.Calibrator{Judge: &judge.Judge{Sandbox: sb}, Cache: cache, Environment: "machine A", Parallel: 2}
	p := calibrationProblem()
	cal, cached, err := c.Calibrate(context.Background(), p)
	require.NoError(t, err)
	assert.False(t, cached)
	assert.Equal(t, 6, sb.total())

	again, cached, err := c.Calibrate(context.Background(), p)
	require.NoError(t, err)
	assert.True(t, cached)
	assert.Equal(t, 6, sb.total(), "a cached calibration runs nothing")
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
