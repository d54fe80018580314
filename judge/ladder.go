package judge

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/judge-dev/judge/judge/complexity"
)

// Ladder is a problem's size ladder (ladder/ in the package): inputs at growing sizes on which a
// solution's CPU time is measured to estimate its growth class. Advisory: it never touches a
// verdict.
type Ladder struct {
	// Good and Naive are the classes expected of a good and of a naive solution, as written in
	// ladder.yaml ("n log n", "n^2").
	Good, Naive string
	// Repeats is how often each rung runs; the fastest counts.
	Repeats int
	// Reference is the accepted submission (its path in the package) every estimate is shown
	// beside; "" for the first accepted one. One that stops early on the ladder's inputs (a
	// greedy match, a probabilistic test) measures flat and says little.
	Reference string
	// Rungs are sorted by size.
	Rungs []Rung
}

// Rung is one input of the ladder and its size.
type Rung struct {
	N     int
	Input []byte
}

// LadderRun is what a solution's CPU times were on a ladder: the rungs that ran within the
// budget, each with its samples.
type LadderRun struct {
	Samples []RungSamples
	// Stopped says why the larger rungs did not run (a rung over the budget, an error status).
	Stopped string
}

// RungSamples are the CPU times of one rung's repeats.
type RungSamples struct {
	N   int
	CPU []time.Duration
}

// Fastest is the rung's smallest CPU time: what the solution needs. A busy machine only adds to
// a run's CPU time (caches and the memory bus shared with others, a sibling hyperthread), never
// takes from it, so the minimum of the repeats is the figure least touched by load; beside two
// busy loops the medians of merge sort's rungs scattered so that the fit could not tell
// O(n log n) from O(n³) (R² 0.82).
func (r RungSamples) Fastest() time.Duration {
	return slices.Min(r.CPU)
}

// NeedLadder returns an error wrapping ErrBadInput when p has no size ladder to climb: the one
// check, so that the command can make it before it starts a sandbox.
func NeedLadder(p *Problem) error {
	if p.Ladder == nil || len(p.Ladder.Rungs) == 0 {
		return fmt.Errorf("problem %s has no size ladder (ladder/ in its package) to estimate complexity on: %w", p.ID, ErrBadInput)
	}
	return nil
}

// ClimbLadder runs the submission on the problem's ladder, each rung Repeats times in a row,
// smallest first, in one sandbox, with perRun as the CPU limit of one run. It stops at the first
// rung a run of which does not end normally (over perRun, an error): the larger rungs would only
// spend the budget. An error means the judge failed; a submission that fails a rung is data.
func (j *Judge) ClimbLadder(ctx context.Context, p *Problem, s Submission, perRun time.Duration) (LadderRun, error) {
	if err := NeedLadder(p); err != nil {
		return LadderRun{}, fmt.Errorf("ladder: %w", err)
	}
	l := p.Ladder
	reps := max(1, l.Repeats)
	lim := p.Limits
	lim.Time = perRun
	job := Job{
		Mode: JobStdio, Filename: s.Filename, Source: s.Source, Function: p.Function, Forbidden: p.Forbidden,
		Limits: jobLimits(lim), Tests: len(l.Rungs) * reps,
		Frames: func(i int) [][]byte { return [][]byte{l.Rungs[i/reps].Input} },
	}
	if p.Mode == Function {
		job.Mode = JobFunction
	}
	var run LadderRun
	info, err := j.Sandbox.Run(ctx, job, func(e Execution) bool {
		rung := l.Rungs[e.Test/reps]
		if e.Status != StatusOK {
			run.Stopped = fmt.Sprintf("n=%d: %s %s", rung.N, e.Status, e.Detail)
			return false
		}
		if n := len(run.Samples); n == 0 || run.Samples[n-1].N != rung.N {
			run.Samples = append(run.Samples, RungSamples{N: rung.N})
		}
		last := &run.Samples[len(run.Samples)-1]
		last.CPU = append(last.CPU, e.CPU)
		return true
	})
	if err != nil {
		return LadderRun{}, fmt.Errorf("ladder %s: %w", p.ID, err)
	}
	switch {
	case info.CompileError != nil:
		run.Stopped = "compile error: " + info.CompileError.Message
	case info.Killed != "" && run.Stopped == "":
		run.Stopped = fmt.Sprintf("sandbox stopped: %s", info.Killed)
	}
	// A rung cut short in its repeats is not a measurement.
	if n := len(run.Samples); n > 0 && len(run.Samples[n-1].CPU) < reps {
		run.Samples = run.Samples[:n-1]
	}
	return run, nil
}

// LadderBudget is how many times the problem's time limit one run of a ladder rung may take,
// by default: more than a test, so that a TLE submission still shows its growth on a few rungs.
const LadderBudget = 3

// perRun is the CPU one run of a rung may take with budget times the time limit (LadderBudget
// when budget < 1).
func perRun(p *Problem, budget int) time.Duration {
	if budget < 1 {
		budget = LadderBudget
	}
	return time.Duration(budget) * p.Limits.Time
}

// Complexity is one solution's estimated growth class from its CPU times on the ladder.
type Complexity struct {
	// Fit is nil when too few rungs ran to fit (Note says why).
	Fit    *complexity.Fit    `json:"fit,omitempty"`
	Points []complexity.Point `json:"points"`
	Note   string             `json:"note,omitempty"`
}

// String reads "≈ O(n²) (R² 0.99)", "cannot tell: ...", or why there is no estimate.
func (c *Complexity) String() string {
	switch {
	case c == nil:
		return "-"
	case c.Fit == nil:
		return "cannot tell: " + c.Note
	case c.Note != "":
		return c.Fit.String() + "; " + c.Note
	}
	return c.Fit.String()
}

// LadderSummary is the size ladder estimates were measured on, and the reference's estimate.
type LadderSummary struct {
	Sizes     []int       `json:"sizes"`
	Repeats   int         `json:"repeats"`
	Good      string      `json:"expected_good"`
	Naive     string      `json:"expected_naive"`
	PerRunMS  float64     `json:"per_run_ms"`
	Reference *Complexity `json:"reference,omitempty"`
}

// LadderSummary describes the problem's ladder as Estimate climbs it with budget; nil without
// a ladder.
func (p *Problem) LadderSummary(budget int) *LadderSummary {
	l := p.Ladder
	if l == nil {
		return nil
	}
	s := &LadderSummary{Repeats: max(1, l.Repeats), Good: l.Good, Naive: l.Naive,
		PerRunMS: float64(perRun(p, budget)) / float64(time.Millisecond)}
	for _, r := range l.Rungs {
		s.Sizes = append(s.Sizes, r.N)
	}
	return s
}

// Measured says whether a verdict's submission is estimated on the ladder: an accepted one, or
// one over the time limit (is it slow by its growth or by a constant?). Other verdicts say
// nothing about speed.
func Measured(v Verdict) bool { return v == Accepted || v == TimeLimitExceeded }

// Estimate runs s on p's size ladder (each run allowed budget times the time limit; < 1:
// LadderBudget) and fits its fastest CPU times (RungSamples.Fastest) to a growth class. Too few
// rungs to fit is an estimate with a Note, not an error; an error means the judge failed.
func (j *Judge) Estimate(ctx context.Context, p *Problem, s Submission, budget int) (*Complexity, error) {
	run, err := j.ClimbLadder(ctx, p, s, perRun(p, budget))
	if err != nil {
		return nil, err
	}
	c := &Complexity{Points: []complexity.Point{}}
	for _, r := range run.Samples {
		c.Points = append(c.Points, complexity.Point{N: float64(r.N), Seconds: r.Fastest().Seconds()})
	}
	if run.Stopped != "" {
		c.Note = "stopped at " + run.Stopped
	}
	fit, err := complexity.FitPoints(c.Points)
	if err != nil {
		c.Note = fmt.Sprintf("%d of %d sizes ran", len(c.Points), len(p.Ladder.Rungs))
		if run.Stopped != "" {
			c.Note += " (stopped at " + run.Stopped + ")"
		}
		return c, nil
	}
	c.Fit = &fit
	return c, nil
}
