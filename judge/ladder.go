package judge

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
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
	// OverBudget is the size of the rung a run of which went over the budget (0: none did).
	OverBudget int
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

// ClimbLadder runs the submission on the problem's ladder Repeats times, in passes: every rung
// smallest first, then every rung again. A pass spreads a rung's repeats over the whole climb,
// so a drift of the machine (a neighbour starting, a CPU's clock) touches every size alike and
// the repeats' spread shows it (Estimate's noise), where repeats in a row would hide it. perRun
// is the CPU limit of one run. The first rung a run of which does not end normally (over
// perRun, an error) ends the climb there: it and the larger rungs are not measured, they would
// only spend the budget. When that happens in the first pass, the later passes run in a second
// sandbox over the rungs below it. An error means the judge failed; a submission that fails a
// rung is data.
func (j *Judge) ClimbLadder(ctx context.Context, p *Problem, s Submission, perRun time.Duration) (LadderRun, error) {
	if err := NeedLadder(p); err != nil {
		return LadderRun{}, fmt.Errorf("ladder: %w", err)
	}
	rungs := p.Ladder.Rungs
	reps := max(1, p.Ladder.Repeats)
	cpu := make([][]time.Duration, len(rungs))
	var run LadderRun
	top, err := j.climbPasses(ctx, p, s, perRun, rungs, reps, cpu, &run)
	if err == nil && top < len(rungs) && top > 0 && len(cpu[0]) < reps {
		// Stopped in the first pass: the rest of the passes over the rungs that finished.
		var top2 int
		top2, err = j.climbPasses(ctx, p, s, perRun, rungs[:top], reps-1, cpu, &run)
		top = min(top, top2)
	}
	if err != nil {
		return LadderRun{}, fmt.Errorf("ladder %s: %w", p.ID, err)
	}
	for i, r := range rungs[:top] {
		if len(cpu[i]) == 0 {
			break
		}
		run.Samples = append(run.Samples, RungSamples{N: r.N, CPU: cpu[i]})
	}
	return run, nil
}

// climbPasses runs passes over rungs in one sandbox, adding each run's CPU time to cpu, and
// returns how many rungs (from the smallest) ran without failing: len(rungs) when all did.
// run records why it stopped.
func (j *Judge) climbPasses(ctx context.Context, p *Problem, s Submission, perRun time.Duration, rungs []Rung, passes int, cpu [][]time.Duration, run *LadderRun) (int, error) {
	if passes < 1 || len(rungs) == 0 {
		return len(rungs), nil
	}
	lim := p.Limits
	lim.Time = perRun
	job := Job{
		Mode: JobStdio, Filename: s.Filename, Source: s.Source, Function: p.Function, Forbidden: p.Forbidden,
		Limits: jobLimits(lim), Tests: len(rungs) * passes,
		Frames: func(i int) [][]byte { return [][]byte{rungs[i%len(rungs)].Input} },
		// Each repeat measures the call afresh: in a shared process a memo would make the
		// repeats after the first free, and the fastest of them is what counts.
		Isolate: true,
	}
	if p.Mode == Function {
		job.Mode = JobFunction
	}
	top := len(rungs)
	info, err := j.Sandbox.Run(ctx, job, func(e Execution) bool {
		i := e.Test % len(rungs)
		if e.Status != StatusOK {
			run.Stopped = fmt.Sprintf("n=%d: %s %s", rungs[i].N, e.Status, e.Detail)
			if e.Status == StatusTLE {
				run.OverBudget = rungs[i].N
			}
			top = i
			return false
		}
		cpu[i] = append(cpu[i], e.CPU)
		return true
	})
	if err != nil {
		return 0, err
	}
	switch {
	case info.CompileError != nil:
		run.Stopped, top = "compile error: "+info.CompileError.Message, 0
	case info.Killed != "" && run.Stopped == "":
		run.Stopped = fmt.Sprintf("sandbox stopped: %s", info.Killed)
	}
	return top, nil
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
	// OverBudget is the size at which a run went over the budget and the climb stopped (0: none).
	OverBudget int `json:"over_budget_n,omitempty"`
	// Noise is how far apart a size's repeats were, in seconds (the median over sizes).
	Noise float64 `json:"noise_s,omitempty"`
	// Versus is how the solution's time grows against the reference's on the same ladder (nil
	// for the reference itself, or when the reference was not measured).
	Versus *Relative `json:"versus_reference,omitempty"`
}

// String reads "≈ O(n²) (R² 0.99)", "cannot tell: ...", or why there is no estimate, then how
// it grows against the reference when that was compared.
func (c *Complexity) String() string {
	var s string
	switch {
	case c == nil:
		return "-"
	case c.Fit == nil:
		s = "cannot tell: " + c.Note
	case c.Note != "":
		s = c.Fit.String() + "; " + c.Note
	default:
		s = c.Fit.String()
	}
	if c.Versus != nil {
		s += "; " + c.Versus.String()
	}
	return s
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
	// The noise is the median over sizes of how far a size's repeats are apart: one hiccup of
	// the machine widens one size's spread, not the median.
	var spreads []time.Duration
	for _, r := range run.Samples {
		c.Points = append(c.Points, complexity.Point{N: float64(r.N), Seconds: r.Fastest().Seconds()})
		spreads = append(spreads, slices.Max(r.CPU)-r.Fastest())
	}
	var noise time.Duration
	if len(spreads) > 0 {
		slices.Sort(spreads)
		noise = spreads[len(spreads)/2]
	}
	c.OverBudget = run.OverBudget
	if run.Stopped != "" {
		c.Note = "stopped at " + run.Stopped
	}
	c.Noise = noise.Seconds()
	fit, err := complexity.FitWithin(c.Points, noise.Seconds())
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

// Relative is a solution's growth against the reference's, measured on the same rungs: where
// each class alone cannot tell (a reference too fast to measure well, or flat by design, a
// solution that never ends on the largest rungs), the two side by side still can.
//
// Each time is a fixed cost (the test's fork and page faults, the harness: a few ms here, ten
// times that where faults are slow) plus the work that grows. The ratio of the times would
// mostly measure the fixed cost: a Python loop and a C slice, both O(n), part as the work
// outgrows it. So the comparison is of what each time rose above its least, where the fixed
// cost cancels out.
type Relative struct {
	// Points are, at each shared size, the solution's rise in CPU time above its least over the
	// reference's rise above its least (sizes where the reference rose by no more than twice its
	// repeats' noise are left out).
	Points []complexity.Point `json:"points"`
	// Fit is the growth class of those ratios (O(1): it grows as the reference does; O(n): a
	// factor n faster); nil when too few sizes were shared to fit.
	Fit *complexity.Fit `json:"fit,omitempty"`
	// Rise is how many times the fitted ratio rises from the first point to the last (1: flat
	// or no fit).
	Rise float64 `json:"rise"`
	// ReferenceFlat says the reference measured flat (O(1)) and the solution grew by
	// worseGrowth or more.
	ReferenceFlat bool `json:"reference_flat,omitempty"`
	// Unfinished is a size the reference finished and the solution did not within the budget.
	Unfinished int `json:"unfinished_n,omitempty"`
	// ClassAbove says the solution's fitted class is above the reference's, even counting every
	// class each fit could not tell from its best.
	ClassAbove bool `json:"class_above,omitempty"`
	// Worse says the solution is of a worse class than the reference: over the budget where the
	// reference was not, growing where the reference is flat, a class above the reference's, or
	// rising faster by a class.
	Worse bool `json:"worse"`
}

// String reads "worse than the reference: the ratio to the reference grows ≈ O(n) ...",
// "against the reference: the ratio to the reference is flat", and so on.
func (r *Relative) String() string {
	var parts []string
	if r.Unfinished > 0 {
		parts = append(parts, fmt.Sprintf("over the budget at n=%d, which the reference finished", r.Unfinished))
	}
	if r.ReferenceFlat {
		parts = append(parts, "it grows where the reference is flat")
	}
	if r.ClassAbove {
		parts = append(parts, "its class is above the reference's")
	}
	if f := r.Fit; f != nil {
		switch {
		case f.Class == complexity.Constant:
			parts = append(parts, "its rise over the reference's is flat")
		case f.Class == complexity.Unknown:
			parts = append(parts, "its rise over the reference's: "+f.String())
		default:
			parts = append(parts, fmt.Sprintf("its rise over the reference's grows %s, x%.3g from n=%g to n=%g",
				f.String(), r.Rise, r.Points[0].N, r.Points[len(r.Points)-1].N))
		}
	}
	s := "against the reference: "
	if r.Worse {
		s = "worse than the reference: "
	}
	switch {
	case len(parts) > 0:
	case len(r.Points) == 0:
		parts = append(parts, "no size where the reference rose above its noise")
	default:
		parts = append(parts, fmt.Sprintf("%d size(s) where the reference rose above its noise, too few to fit", len(r.Points)))
	}
	return s + strings.Join(parts, ", ")
}

// worseGrowth is how many times a solution's rise over the reference's must itself rise from
// the first shared size to the last for it to be of a worse class (and how much a solution must
// grow against a flat reference): noise can tilt two series of the same class a little (two
// n log n sorts once so that every growing class fitted their ratio better than a constant). A
// quadratic against a linear reference rises by the ladder's span, 30-100x on ours; n log n
// against n by under 2x, which this does not call worse.
const worseGrowth = 2

// Versus compares c with the reference ref measured on the same ladder (nil when either is).
func Versus(c, ref *Complexity) *Relative {
	if c == nil || ref == nil {
		return nil
	}
	r := &Relative{Points: []complexity.Point{}, Rise: 1}
	refAt := make(map[float64]float64, len(ref.Points))
	for _, p := range ref.Points {
		refAt[p.N] = p.Seconds
	}
	if n := c.OverBudget; n > 0 {
		if _, ok := refAt[float64(n)]; ok {
			r.Unfinished = n
		}
	}
	var shared []complexity.Point // N, and the solution's time
	var refT []float64
	for _, p := range c.Points {
		if t, ok := refAt[p.N]; ok {
			shared = append(shared, p)
			refT = append(refT, t)
		}
	}
	if len(shared) > 1 {
		// Rises above each series' least time on the shared sizes (its fixed cost, as near as
		// it was measured: a noisy first size would shift every rise); the reference's must
		// clear its noise.
		noise := ref.Noise
		baseR, baseC := slices.Min(refT), math.Inf(1)
		for _, p := range shared {
			baseC = min(baseC, p.Seconds)
		}
		for i := range shared {
			dr, dc := refT[i]-baseR, shared[i].Seconds-baseC
			if dr > 2*noise && dc > 0 {
				r.Points = append(r.Points, complexity.Point{N: shared[i].N, Seconds: dc / dr})
			}
		}
	}
	if fit, err := complexity.FitPoints(r.Points); err == nil {
		r.Fit = &fit
		r.Rise = fit.Growth(r.Points[0].N, r.Points[len(r.Points)-1].N)
	}
	flat := func(x *Complexity) bool { return x.Fit != nil && x.Fit.Class == complexity.Constant }
	if flat(c) {
		// Of no worse class than any: what is left is the reference's noise.
		r.Worse = r.Unfinished > 0
		return r
	}
	if flat(ref) && c.Fit != nil && c.Fit.Grows() && len(shared) > 1 &&
		c.Fit.Growth(shared[0].N, shared[len(shared)-1].N) >= worseGrowth {
		r.ReferenceFlat = true
	}
	// Both classes named or narrowed, the solution's lowest above the reference's highest. (A
	// flat reference is the case above: there the solution must also have grown enough.)
	r.ClassAbove = c.Fit != nil && ref.Fit != nil && !flat(ref) &&
		highestClass(ref.Fit) != complexity.Unknown && lowestClass(c.Fit) > highestClass(ref.Fit)
	// The rise criterion wants a class the fit names outright: a "cannot tell" over growing
	// classes came from noise on the small sizes (merge-sort's two n log n sorts, rise x2.3).
	r.Worse = r.Unfinished > 0 || r.ReferenceFlat || r.ClassAbove ||
		(r.Fit != nil && r.Fit.Class > complexity.Constant && r.Rise >= worseGrowth)
	return r
}

// lowestClass and highestClass bound what a fit allows: its class, or the classes it cannot
// tell apart (Unknown when it names none).
func lowestClass(f *complexity.Fit) complexity.Class {
	if f.Class != complexity.Unknown || len(f.Close) == 0 {
		return f.Class
	}
	return slices.Min(f.Close)
}

func highestClass(f *complexity.Fit) complexity.Class {
	if f.Class != complexity.Unknown || len(f.Close) == 0 {
		return f.Class
	}
	return slices.Max(f.Close)
}
