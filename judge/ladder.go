package judge

import (
	"context"
	"fmt"
	"slices"
	"time"
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
