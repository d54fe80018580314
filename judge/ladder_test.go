package judge_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/complexity"
	"github.com/judge-dev/judge/judge/judgetest"
)

func ladderProblem() *judge.Problem {
	p := &judge.Problem{ID: "p", Mode: judge.Function, Function: &judge.FunctionSpec{Name: "f", Params: []string{"json"}, Returns: "json"},
		Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1}}
	p.Ladder = &judge.Ladder{Good: "n", Naive: "n^2", Repeats: 3}
	for _, n := range []int{100, 200, 400, 800, 1600} {
		p.Ladder.Rungs = append(p.Ladder.Rungs, judge.Rung{N: n, Input: []byte(strconv.Itoa(n))})
	}
	return p
}

// quadratic answers a rung of size n in n² µs of CPU, over the limit as TLE.
func quadratic() *judgetest.Sandbox {
	return &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		n, _ := strconv.Atoi(string(frames[0]))
		cpu := time.Duration(n*n) * time.Microsecond
		if cpu > job.Limits.Time {
			return judge.Execution{Status: judge.StatusTLE, CPU: cpu, Detail: "CPU time over the limit"}, true
		}
		return judge.Execution{Status: judge.StatusOK, CPU: cpu}, true
	}}
}

func TestClimbLadder(t *testing.T) {
	p := ladderProblem()
	sb := quadratic()
	j := &judge.Judge{Sandbox: sb}
	run, err := j.ClimbLadder(context.Background(), p, judge.Submission{Filename: "s.py", Source: []byte("x")}, 3*time.Second)
	require.NoError(t, err)
	// 800² µs = 0.64 s fits in 3 s; 1600² µs = 2.56 s too.
	require.Len(t, run.Samples, 5)
	for i, r := range run.Samples {
		assert.Equal(t, p.Ladder.Rungs[i].N, r.N)
		assert.Len(t, r.CPU, 3, "each rung repeated")
		assert.Equal(t, time.Duration(r.N*r.N)*time.Microsecond, r.Fastest())
	}
	assert.Empty(t, run.Stopped)
	runs := sb.Runs()
	require.Len(t, runs, 1, "one sandbox for the whole ladder")
	assert.Equal(t, judge.JobFunction, runs[0].Job.Mode)
	assert.Equal(t, 3*time.Second, runs[0].Job.Limits.Time, "the per-run budget is the CPU limit")
	assert.True(t, runs[0].Job.Isolate, "each repeat in a process of its own: a memo would make the later ones free")
	assert.Equal(t, 15, runs[0].Job.Tests)
	assert.Equal(t, "100", string(runs[0].Frames[0][0]))
	assert.Equal(t, "200", string(runs[0].Frames[1][0]), "a pass climbs every rung")
	assert.Equal(t, "100", string(runs[0].Frames[5][0]), "then the next pass starts again")

	// With 1 s a run, 1600 is over in the first pass: the ladder stops there, and the other two
	// passes run over the sizes below in a second sandbox.
	sb = quadratic()
	j = &judge.Judge{Sandbox: sb}
	run, err = j.ClimbLadder(context.Background(), p, judge.Submission{Filename: "s.py", Source: []byte("x")}, time.Second)
	require.NoError(t, err)
	require.Len(t, run.Samples, 4)
	for _, r := range run.Samples {
		assert.Len(t, r.CPU, 3, "n=%d repeated", r.N)
	}
	assert.Contains(t, run.Stopped, "n=1600: tle")
	assert.Equal(t, 1600, run.OverBudget)
	runs = sb.Runs()
	require.Len(t, runs, 2)
	assert.Equal(t, 8, runs[1].Job.Tests, "two passes over the four rungs that finished")
	assert.Equal(t, "100", string(runs[1].Frames[4][0]))
}

func TestClimbLadderWithoutLadder(t *testing.T) {
	p := ladderProblem()
	p.Ladder = nil
	_, err := (&judge.Judge{Sandbox: quadratic()}).ClimbLadder(context.Background(), p, judge.Submission{Filename: "s.py", Source: []byte("x")}, time.Second)
	assert.ErrorIs(t, err, judge.ErrBadInput)
}

// points makes a Complexity whose CPU at each size is f(n) seconds.
func points(f func(n float64) float64, sizes ...float64) *judge.Complexity {
	c := &judge.Complexity{}
	for _, n := range sizes {
		c.Points = append(c.Points, complexity.Point{N: n, Seconds: f(n)})
	}
	return c
}

func TestVersus(t *testing.T) {
	sizes := []float64{100, 200, 400, 800, 1600, 3200}
	linear := func(n float64) float64 { return 1e-3 + n*1e-6 }
	ref := points(linear, sizes...)

	t.Run("a factor n slower growth is worse", func(t *testing.T) {
		sub := points(func(n float64) float64 { return 1e-3 + n*n*1e-7 }, sizes...)
		r := judge.Versus(sub, ref)
		require.NotNil(t, r)
		require.NotNil(t, r.Fit)
		assert.True(t, r.Worse)
		// The sizes after the smallest: each one's rise above the smallest, over the reference's.
		assert.Len(t, r.Points, len(sizes)-1)
		assert.Equal(t, 200.0, r.Points[0].N)
		assert.InDelta(t, 30, r.Points[0].Seconds, 1e-9, "(200² - 100²)·1e-7 / (100·1e-6)")
		assert.Contains(t, r.String(), "worse than the reference")
	})
	t.Run("the same growth, slower by a constant, is not", func(t *testing.T) {
		sub := points(func(n float64) float64 { return 3 * linear(n) }, sizes...)
		r := judge.Versus(sub, ref)
		require.NotNil(t, r.Fit)
		assert.False(t, r.Worse, r.String())
		assert.Equal(t, "against the reference: its rise over the reference's is flat", r.String())
	})
	t.Run("over the budget where the reference finished is worse", func(t *testing.T) {
		// Flat on the small sizes (a loop that never ends only on the largest input).
		sub := points(linear, sizes[:4]...)
		sub.OverBudget = 1600
		r := judge.Versus(sub, ref)
		assert.True(t, r.Worse)
		assert.Equal(t, 1600, r.Unfinished)
		assert.Contains(t, r.String(), "over the budget at n=1600, which the reference finished")
	})
	t.Run("over the budget where the reference did not finish either says nothing", func(t *testing.T) {
		sub := points(linear, sizes[:4]...)
		sub.OverBudget = 6400
		r := judge.Versus(sub, ref)
		assert.False(t, r.Worse)
		assert.Zero(t, r.Unfinished)
	})
	t.Run("too few shared sizes cannot tell", func(t *testing.T) {
		sub := points(func(n float64) float64 { return n * n }, sizes[:2]...)
		r := judge.Versus(sub, ref)
		assert.Nil(t, r.Fit)
		assert.False(t, r.Worse)
		assert.Equal(t, "against the reference: 1 size(s) where the reference rose above its noise, too few to fit", r.String())
		flat := points(func(float64) float64 { return 3e-3 }, sizes...)
		assert.Equal(t, "against the reference: no size where the reference rose above its noise", judge.Versus(flat, flat).String())
	})
	t.Run("the same class with another fixed cost is not worse", func(t *testing.T) {
		// A Python loop against a C slice, both O(n): the loop's slope and fixed cost are both
		// larger, so the plain ratio of the times rises 2.5 -> 23 over the ladder; what each
		// rose above its smallest size rises in a constant ratio.
		slice := points(func(n float64) float64 { return 2e-3 + n*1e-7 }, sizes...)
		loop := points(func(n float64) float64 { return 5e-3 + n*3e-6 }, sizes...)
		r := judge.Versus(loop, slice)
		require.NotNil(t, r.Fit)
		assert.Equal(t, complexity.Constant, r.Fit.Class, "%v", r.Fit)
		assert.False(t, r.Worse, r.String())
	})
	t.Run("a rise tilted a little by noise is not worse", func(t *testing.T) {
		// The same class, the rises' ratio going 1.0 -> 1.4 over the ladder.
		tilt := map[float64]float64{200: 1.0, 400: 1.1, 800: 1.2, 1600: 1.3, 3200: 1.4}
		sub := points(func(n float64) float64 {
			if n == 100 {
				return linear(n)
			}
			return linear(100) + tilt[n]*(linear(n)-linear(100))
		}, sizes...)
		r := judge.Versus(sub, ref)
		require.NotNil(t, r.Fit)
		assert.Less(t, r.Rise, 2.0)
		assert.False(t, r.Worse, r.String())
	})
	t.Run("a rise within the reference's noise is left out", func(t *testing.T) {
		noisy := points(linear, sizes...)
		noisy.Noise = 1e-4 // the reference rises 1e-4 by 200: within twice its noise; 3e-4 by 400
		r := judge.Versus(points(func(n float64) float64 { return 2 * linear(n) }, sizes...), noisy)
		require.Len(t, r.Points, len(sizes)-2)
		assert.Equal(t, 400.0, r.Points[0].N)
	})
	t.Run("a class above the reference's is worse", func(t *testing.T) {
		fit := func(c *judge.Complexity, f complexity.Fit) *judge.Complexity { c.Fit = &f; return c }
		refFit := complexity.Fit{Class: complexity.Unknown, Close: []complexity.Class{complexity.Linear, complexity.NLogN}}
		sub := fit(points(linear, sizes[:3]...), complexity.Fit{Class: complexity.Quadratic})
		r := judge.Versus(sub, fit(points(linear, sizes...), refFit))
		assert.True(t, r.ClassAbove)
		assert.True(t, r.Worse)
		assert.Contains(t, r.String(), "its class is above the reference's")
		sub = fit(points(linear, sizes[:3]...), complexity.Fit{Class: complexity.Unknown, Close: []complexity.Class{complexity.NLogN, complexity.Quadratic}})
		assert.False(t, judge.Versus(sub, fit(points(linear, sizes...), refFit)).Worse, "the classes overlap")
	})
	t.Run("a solution that measures flat is not worse", func(t *testing.T) {
		sub := points(func(float64) float64 { return 2e-3 }, sizes...)
		fit, err := complexity.FitPoints(sub.Points)
		require.NoError(t, err)
		sub.Fit = &fit
		assert.False(t, judge.Versus(sub, ref).Worse)
	})
	t.Run("growing where the reference is flat is worse", func(t *testing.T) {
		flat := points(func(float64) float64 { return 3e-3 }, sizes...)
		fit, err := complexity.FitPoints(flat.Points)
		require.NoError(t, err)
		flat.Fit = &fit
		sub := points(func(n float64) float64 { return 3e-3 + n*n*1e-8 }, sizes...)
		sfit, err := complexity.FitPoints(sub.Points)
		require.NoError(t, err)
		sub.Fit = &sfit
		r := judge.Versus(sub, flat)
		assert.True(t, r.ReferenceFlat)
		assert.True(t, r.Worse)
		assert.Contains(t, r.String(), "it grows where the reference is flat")
	})
	t.Run("no reference, no comparison", func(t *testing.T) {
		assert.Nil(t, judge.Versus(ref, nil))
	})
	t.Run("shown after the estimate", func(t *testing.T) {
		sub := points(linear, sizes[:4]...)
		sub.OverBudget = 1600
		sub.Versus = judge.Versus(sub, ref)
		assert.Contains(t, sub.String(), "; worse than the reference: over the budget at n=1600")
	})
}

func TestEstimateRecordsTheRungOverBudget(t *testing.T) {
	p := ladderProblem()
	c, err := (&judge.Judge{Sandbox: quadratic()}).Estimate(context.Background(), p, judge.Submission{Filename: "s.py", Source: []byte("x")}, 1)
	require.NoError(t, err)
	assert.Equal(t, 1600, c.OverBudget, "1600² µs is over 1 s")
	assert.Len(t, c.Points, 4)
}
