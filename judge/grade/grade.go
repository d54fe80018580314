// Package grade is the one grading path of the judge: it judges submissions to a problem through
// a judge.Sandbox, with the time limit they are judged with on this machine, many at once under a
// bound (judge.Each), and compares them with the problem's own reference solution judged in the
// same run. `judge grade` and the server's job worker both judge through it. It decides no
// verdict itself (judge.Judge does) and never talks to Docker, a database or HTTP.
package grade

import (
	"context"
	"errors"
	"fmt"
	"path"
	"sync"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/report"
	"github.com/judge-dev/judge/judge/similarity"
)

// Grader judges submissions. Its zero Limit judges with the problem's limits as given.
type Grader struct {
	Sandbox judge.Sandbox
	// Validators compiles and runs C and C++ output validators (nil: none set up).
	Validators *judge.ValidatorSandbox
	// Limit returns the problem with the time limit it is judged with here (calibrated or
	// declared); nil leaves the problem as it is.
	Limit func(ctx context.Context, p *judge.Problem) (*judge.Problem, error)
	// Parallel bounds the submissions of a batch judged at once (at least 1).
	Parallel int
}

// Options tune a grading.
type Options struct {
	// All runs every test (no judging budget).
	All bool
	// Reveal fills hidden tests' details (interviewers only).
	Reveal bool
	// Progress, when set, hears about each submission of a batch as it is done ("ERR" for one
	// that could not be judged); calls are serialised. The reference is not reported.
	Progress func(name, verdict string)
	// Warn, when set, hears what the caller should know but is not an error.
	Warn func(msg string)
	// Tested, when set, hears each test of a single judging (One) as it finishes.
	Tested func(done, total int, t judge.TestResult)
	// Similarity, when set, compares the batch's submissions with each other (Similar).
	Similarity *similarity.Options
	// Complexity measures the reference and every AC or TLE submission on the problem's size
	// ladder and estimates their growth classes (Climb).
	Complexity bool
	// LadderBudget is how many times the time limit one run of a rung may take (< 1:
	// judge.LadderBudget).
	LadderBudget int
}

// Item is one submission of a batch: its source, or why it cannot be judged (Err).
type Item struct {
	Name       string
	Submission judge.Submission
	Err        error
}

// Problem returns p with the time limit it is judged with here.
func (g *Grader) Problem(ctx context.Context, p *judge.Problem) (*judge.Problem, error) {
	if g.Limit == nil {
		return p, nil
	}
	return g.Limit(ctx, p)
}

// One judges a single submission to p, whose time limit is already applied (Problem). An error
// wrapping judge.ErrBadInput means the source cannot be judged; any other error means the judge
// failed and the submission is not to blame.
func (g *Grader) One(ctx context.Context, p *judge.Problem, s judge.Submission, opt Options) (*judge.Report, error) {
	j := &judge.Judge{Sandbox: g.Sandbox, Validators: g.Validators}
	return j.Judge(ctx, p, s, judge.Options{All: opt.All, Reveal: opt.Reveal, Progress: opt.Tested})
}

// Batch judges items to p, with the problem's first accepted submission as the reference, judged
// with them so that CPU times are compared under the same conditions. A submission that cannot
// be judged gets an entry with its error; a judge failure stops the batch and is returned.
func (g *Grader) Batch(ctx context.Context, p *judge.Problem, items []Item, opt Options) (report.Batch, error) {
	if opt.Complexity {
		if err := judge.NeedLadder(p); err != nil {
			return report.Batch{}, fmt.Errorf("grade: %w", err)
		}
	}
	p, err := g.Problem(ctx, p)
	if err != nil {
		return report.Batch{}, err
	}
	entries := make([]report.Entry, len(items))
	subs := make([]*judge.Submission, len(items))
	var mu sync.Mutex
	progress := func(name, verdict string) {
		if opt.Progress != nil {
			mu.Lock()
			defer mu.Unlock()
			opt.Progress(name, verdict)
		}
	}
	for i, it := range items {
		entries[i].Path = it.Name
		err := it.Err
		if err == nil {
			err = judge.CheckSource(it.Submission)
		}
		if err != nil {
			entries[i].Error = err.Error()
			progress(it.Name, "ERR")
			continue
		}
		subs[i] = &items[i].Submission
	}
	refPath, refSub, hasRef := Reference(p)
	if hasRef {
		subs = append([]*judge.Submission{&refSub}, subs...)
		entries = append([]report.Entry{{Path: refPath}}, entries...)
	}

	err = judge.Each(ctx, len(entries), g.Parallel, func(ctx context.Context, i int) error {
		if subs[i] == nil {
			return nil
		}
		rep, err := g.One(ctx, p, *subs[i], opt)
		switch {
		case err == nil:
			entries[i].Report = rep
		case errors.Is(err, judge.ErrBadInput):
			entries[i].Error = err.Error()
		default:
			return fmt.Errorf("grade %s: %w", entries[i].Path, err)
		}
		if !(hasRef && i == 0) {
			verdict := "ERR"
			if rep != nil {
				verdict = rep.Verdict.String()
			}
			progress(entries[i].Path, verdict)
		}
		return nil
	})
	if err != nil {
		return report.Batch{}, err
	}
	if opt.Complexity {
		if err := g.climbAll(ctx, p, subs, entries, opt.LadderBudget); err != nil {
			return report.Batch{}, err
		}
	}
	b := report.Batch{Problem: p.ID, ReferencePath: refPath, TimeLimit: p.TimeLimit, Entries: entries}
	if opt.Similarity != nil {
		res := Similar(p, items, *opt.Similarity)
		b.Similarity = &res
	}
	if hasRef {
		ref := entries[0].Report
		b.Entries = entries[1:]
		if ref == nil || ref.Verdict != judge.Accepted {
			got := "nothing"
			if ref != nil {
				got = ref.Verdict.String()
			}
			if opt.Warn != nil {
				opt.Warn(fmt.Sprintf("the reference solution %s got %s, not AC: no relative times", refPath, got))
			}
			ref = nil
		}
		b.Reference = ref
	}
	if opt.Complexity {
		b.Ladder = p.LadderSummary(opt.LadderBudget)
		if name, ls, ok := LadderReference(p); ok && name != refPath {
			// The ladder names another reference than the batch's: it climbs on its own.
			if b.Ladder.Reference, err = g.Climb(ctx, p, ls, opt.LadderBudget); err != nil {
				return report.Batch{}, fmt.Errorf("ladder %s: %w", name, err)
			}
		} else if hasRef {
			b.Ladder.Reference = entries[0].Complexity
		}
		for i := range b.Entries {
			if c := b.Entries[i].Complexity; c != nil {
				c.Versus = judge.Versus(c, b.Ladder.Reference)
			}
		}
	}
	return b, nil
}

// climbAll measures, on the ladder, every judged entry that is AC or TLE, under the same bound
// as the judging.
func (g *Grader) climbAll(ctx context.Context, p *judge.Problem, subs []*judge.Submission, entries []report.Entry, budget int) error {
	return judge.Each(ctx, len(entries), g.Parallel, func(ctx context.Context, i int) error {
		rep := entries[i].Report
		if subs[i] == nil || rep == nil || !judge.Measured(rep.Verdict) {
			return nil
		}
		c, err := g.Climb(ctx, p, *subs[i], budget)
		if err != nil {
			return fmt.Errorf("ladder %s: %w", entries[i].Path, err)
		}
		entries[i].Complexity = c
		return nil
	})
}

// Climb estimates s's growth class on p's size ladder (judge.Judge.Estimate).
func (g *Grader) Climb(ctx context.Context, p *judge.Problem, s judge.Submission, budget int) (*judge.Complexity, error) {
	j := &judge.Judge{Sandbox: g.Sandbox}
	return j.Estimate(ctx, p, s, budget)
}

// Beside estimates s's growth class and the ladder reference's (LadderReference), at most
// parallel at once, and returns s's estimate and the ladder with the reference's: what judge run
// and the server's complexity job show.
func (g *Grader) Beside(ctx context.Context, p *judge.Problem, s judge.Submission, budget, parallel int) (*judge.Complexity, *judge.LadderSummary, error) {
	subs := []judge.Submission{s}
	if _, ref, ok := LadderReference(p); ok {
		subs = append(subs, ref)
	}
	est := make([]*judge.Complexity, len(subs))
	err := judge.Each(ctx, len(subs), parallel, func(ctx context.Context, i int) error {
		var err error
		est[i], err = g.Climb(ctx, p, subs[i], budget)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	l := p.LadderSummary(budget)
	if len(est) > 1 {
		l.Reference = est[1]
		est[0].Versus = judge.Versus(est[0], l.Reference)
	}
	return est[0], l, nil
}

// Similar compares the judgeable items with each other, with the problem's starter and its own
// submissions as the common base: code every candidate was given or could have been, not a
// sign that one copied another. opt.Base is added to that base.
func Similar(p *judge.Problem, items []Item, opt similarity.Options) similarity.Result {
	base := append([][]byte{}, opt.Base...)
	if len(p.Starter) > 0 {
		base = append(base, p.Starter)
	}
	for _, ps := range p.Submissions {
		base = append(base, ps.Source)
	}
	opt.Base = base
	var srcs []similarity.Source
	for _, it := range items {
		if it.Err == nil && judge.CheckSource(it.Submission) == nil {
			srcs = append(srcs, similarity.Source{Name: it.Name, Text: it.Submission.Source})
		}
	}
	return similarity.Compare(srcs, opt)
}

// Reference is the problem's own first accepted submission, the yardstick of relative CPU times.
func Reference(p *judge.Problem) (name string, s judge.Submission, ok bool) {
	return reference(p, "")
}

// LadderReference is the accepted submission complexity estimates are shown beside: the one
// the ladder names, or Reference.
func LadderReference(p *judge.Problem) (name string, s judge.Submission, ok bool) {
	if p.Ladder != nil && p.Ladder.Reference != "" {
		return reference(p, p.Ladder.Reference)
	}
	return Reference(p)
}

// reference is the accepted submission at that path, or the first one ("").
func reference(p *judge.Problem, want string) (name string, s judge.Submission, ok bool) {
	for _, ps := range p.Submissions {
		if ps.Expected == judge.Accepted && (want == "" || ps.Path == want) {
			return ps.Path, judge.Submission{Filename: path.Base(ps.Path), Source: ps.Source}, true
		}
	}
	return "", judge.Submission{}, false
}
