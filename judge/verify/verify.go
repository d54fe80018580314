// Package verify checks a problem package the way Kattis' verifyproblem does: every test input
// passes the input validator, and every shipped submission gets the verdict its folder demands,
// with time limits that leave a real margin. It judges through judge.Judge and never decides a
// verdict itself.
package verify

import (
	"context"
	"fmt"
	"path"
	"sync"
	"time"

	"github.com/judge-dev/judge/judge"
)

// MinMargin is the least ratio of time limit to the slowest accepted test, unless the package
// sets its own (2023-07 ac_to_time_limit, legacy time_multiplier).
const MinMargin = 2.0

// TLEMargin is how many times the limit a time_limit_exceeded submission must still exceed,
// unless the package sets its own (2023-07 time_limit_to_tle, legacy time_safety_margin).
const TLEMargin = 2.0

func acMargin(p *judge.Problem) float64 {
	if m := p.Margins.ACToTimeLimit; m > 0 {
		return m
	}
	return MinMargin
}

func tleMargin(p *judge.Problem) float64 {
	if m := p.Margins.TimeLimitToTLE; m > 0 {
		return m
	}
	return TLEMargin
}

// Result is the verification of one problem.
type Result struct {
	Problem     string  `json:"problem"`
	OK          bool    `json:"ok"`
	Tests       int     `json:"tests"`
	LimitMillis float64 `json:"time_limit_ms"` // the effective limit the submissions were judged with
	// TimeLimit says how LimitMillis was derived (declared, or calibrated on this machine).
	TimeLimit judge.TimeLimit `json:"time_limit"`
	// SlowestAC is the slowest test of any accepted submission.
	SlowestACMillis float64 `json:"slowest_accepted_ms"`
	SlowestACTest   string  `json:"slowest_accepted_test"`
	// Margin is the limit over the slowest accepted test: its calibrated median when the limit
	// was calibrated, else the slowest test of this run.
	Margin      float64      `json:"margin"`
	Problems    []string     `json:"problems,omitempty"`
	Inputs      InputCheck   `json:"inputs"`
	Submissions []Submission `json:"submissions"`
}

// InputCheck is the input validator's pass over the tests.
type InputCheck struct {
	Validated bool     `json:"validated"` // false when the package has no input validator
	Invalid   []string `json:"invalid,omitempty"`
}

// Submission is one shipped submission's outcome.
type Submission struct {
	Path     string        `json:"path"`
	Expected judge.Verdict `json:"expected"`
	Got      judge.Verdict `json:"got"`
	OK       bool          `json:"ok"`
	Note     string        `json:"note,omitempty"`
	// SlowestMillis is its slowest test's CPU time.
	SlowestMillis float64 `json:"slowest_ms"`
	SlowestTest   string  `json:"slowest_test,omitempty"`
	// Points is its score in a scoring problem.
	Points *judge.Points `json:"points,omitempty"`
	Report *judge.Report `json:"-"`
}

// Verifier runs verifications, at most Parallel sandboxes at once.
type Verifier struct {
	Judge    *judge.Judge
	Parallel int
	// Progress, when set, hears about each finished submission.
	Progress func(problem string, s Submission)
}

// Problem verifies one problem package.
func (v *Verifier) Problem(ctx context.Context, p *judge.Problem) (*Result, error) {
	r := &Result{Problem: p.ID, Tests: len(p.Tests), LimitMillis: millis(p.Limits.Time), TimeLimit: judge.DeclaredLimit(p, "")}
	if p.TimeLimit != nil {
		r.TimeLimit = *p.TimeLimit
	}
	if err := v.inputs(ctx, p, r); err != nil {
		return nil, err
	}
	if len(p.Submissions) == 0 {
		r.Problems = append(r.Problems, "no submissions under submissions/")
	}
	r.Submissions = make([]Submission, len(p.Submissions))
	sem := make(chan struct{}, max(1, v.Parallel))
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for i, s := range p.Submissions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			res, err := v.submission(ctx, p, s)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if firstErr == nil {
					firstErr = fmt.Errorf("verify %s: %s: %w", p.ID, s.Path, err)
				}
				return
			}
			r.Submissions[i] = res
			if v.Progress != nil {
				v.Progress(p.ID, res)
			}
		}()
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	hasAC := false
	for _, s := range r.Submissions {
		if !s.OK {
			r.Problems = append(r.Problems, fmt.Sprintf("%s: expected %s, got %s%s", s.Path, s.Expected, s.Got, noteSuffix(s.Note)))
		}
		if s.Expected == judge.Accepted {
			hasAC = true
			if s.SlowestMillis > r.SlowestACMillis {
				r.SlowestACMillis, r.SlowestACTest = s.SlowestMillis, s.SlowestTest
			}
		}
	}
	if !hasAC {
		r.Problems = append(r.Problems, "no accepted submission")
	}
	// The margin is taken against the calibration's slowest test when there is one: a median of
	// several runs measured here, where one run of this verification is a single noisy sample
	// (under load one run of wildcard-match's slowest test took 1.5x its median).
	basis, basisTest, what := r.SlowestACMillis, r.SlowestACTest, "the slowest accepted test"
	if r.TimeLimit.Source == "calibrated" && r.TimeLimit.SlowestAcceptedMillis > 0 {
		basis, basisTest, what = r.TimeLimit.SlowestAcceptedMillis, r.TimeLimit.SlowestAcceptedTest, "the slowest accepted test's calibrated median"
	}
	if basis > 0 {
		r.Margin = r.LimitMillis / basis
		if want := acMargin(p); r.Margin < want {
			r.Problems = append(r.Problems, fmt.Sprintf("time limit %.0f ms is only %.1fx %s (%s, %.0f ms); want >= %.1fx",
				r.LimitMillis, r.Margin, what, basisTest, basis, want))
		}
	}
	if len(r.Inputs.Invalid) > 0 {
		r.Problems = append(r.Problems, fmt.Sprintf("%d test input(s) fail the input validator: %v", len(r.Inputs.Invalid), r.Inputs.Invalid))
	}
	r.OK = len(r.Problems) == 0
	return r, nil
}

func noteSuffix(n string) string {
	if n == "" {
		return ""
	}
	return " (" + n + ")"
}

// submission judges one shipped submission. Submissions that must fail stop at their first
// failing test; time_limit_exceeded ones run with twice the limit, so passing shows they are at
// least 2x over it.
func (v *Verifier) submission(ctx context.Context, p *judge.Problem, s judge.PackageSubmission) (Submission, error) {
	out := Submission{Path: s.Path, Expected: s.Expected}
	q := *p
	opt := judge.Options{StopOnFailure: s.Expected != judge.Accepted && s.Expected != judge.WrongAnswer}
	if s.Expected == judge.TimeLimitExceeded {
		m := tleMargin(p)
		q.Limits.Time = time.Duration(m * float64(p.Limits.Time))
		out.Note = fmt.Sprintf("judged with %.3gx the time limit", m)
	}
	rep, err := v.Judge.Judge(ctx, &q, judge.Submission{Filename: path.Base(s.Path), Source: s.Source}, opt)
	if err != nil {
		return out, err
	}
	out.Report = rep
	out.Got = rep.Verdict
	if t := rep.Slowest(); t != nil {
		out.SlowestMillis, out.SlowestTest = t.CPUMillis, t.Name
	}
	out.OK = rep.Verdict == s.Expected
	if out.OK && s.Expected == judge.WrongAnswer {
		// "Some WA and nothing worse": no test may crash, time out or blow a limit.
		for _, t := range rep.Tests {
			if t.Verdict != judge.Accepted && t.Verdict != judge.WrongAnswer {
				out.OK = false
				out.Note = fmt.Sprintf("test %s got %s", t.Name, t.Verdict)
				break
			}
		}
	}
	if rep.Points != nil {
		out.Points = rep.Points
	}
	if out.OK && s.Score != nil {
		lo, hi := s.Score[0], s.Score[1]
		if rep.Points == nil || rep.Points.Score < lo-1e-6 || rep.Points.Score > hi+1e-6 {
			out.OK = false
			out.Note = fmt.Sprintf("score %s, want %s", pointsText(rep.Points), rangeText(lo, hi))
		}
	}
	if !out.OK && rep.Message != "" {
		out.Note = rep.Message
	}
	return out, nil
}

// inputs runs the input validator (sandboxed: it is problem-author code) over every test input.
// It is judged as a stdio program whose exit code judge.ExitAccept means "valid".
func (v *Verifier) inputs(ctx context.Context, p *judge.Problem, r *Result) error {
	if p.InputValidator == nil {
		r.Problems = append(r.Problems, "no input validator under input_validators/")
		return nil
	}
	if p.InputValidator.Compiled() {
		r.Problems = append(r.Problems, "the input validator is C/C++ ("+p.InputValidator.Entry+"): this judge runs only Python input validators so far")
		return nil
	}
	r.Inputs.Validated = true
	inputs := make([][]byte, len(p.Tests))
	for i, tc := range p.Tests {
		inputs[i] = tc.Input
	}
	checks, info, err := judge.ValidateInputs(ctx, v.Judge.Sandbox, p.InputValidator, inputs,
		judge.JobLimits{Time: 30 * time.Second, Wall: 60 * time.Second, MemoryMiB: 1024, OutputBytes: 1 << 20, StderrBytes: 4 << 10})
	for i, c := range checks {
		if c.Ran && !c.Valid {
			r.Inputs.Invalid = append(r.Inputs.Invalid, fmt.Sprintf("%s (%s %s)", p.Tests[i].Name, c.Status, c.Stderr))
		}
	}
	if err != nil {
		return fmt.Errorf("verify %s: input validator: %w", p.ID, err)
	}
	if info.CompileError != nil {
		r.Problems = append(r.Problems, "input validator does not compile: "+info.CompileError.Message)
	} else if info.Completed != len(p.Tests) {
		r.Problems = append(r.Problems, fmt.Sprintf("input validator stopped after %d of %d tests", info.Completed, len(p.Tests)))
	}
	return nil
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func pointsText(p *judge.Points) string {
	if p == nil {
		return "none"
	}
	return p.String()
}

func rangeText(lo, hi float64) string {
	if lo == hi {
		return fmt.Sprintf("%g", lo)
	}
	return fmt.Sprintf("[%g, %g]", lo, hi)
}
