package mutation

import (
	"context"
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/judge-dev/judge/judge"
)

// Survivor classes.
const (
	Gap        = "gap"        // answers differently from the reference on a valid input: add that test
	Equivalent = "equivalent" // never differed on any candidate input: probably equivalent
	Untriaged  = "untriaged"  // the budget ran out first
)

// Defaults.
const (
	DefaultInputs = 400
	DefaultBudget = 10 * time.Minute
)

// Tester runs mutation tests.
type Tester struct {
	Judge    *judge.Judge
	Parallel int
	// MaxMutants caps the mutants judged per problem (spread evenly over them); 0: all.
	MaxMutants int
	// Budget bounds one problem's mutation test: mutants not judged when it runs out are
	// counted as not judged, survivors not triaged as untriaged. 0: DefaultBudget.
	Budget time.Duration
	// Inputs is how many candidate inputs the triage tries (DefaultInputs when 0).
	Inputs int
	// Progress, when set, hears about each mutant judged.
	Progress func(problem string, done, total int)
}

// Result is the mutation test of one problem.
type Result struct {
	Problem string `json:"problem"`
	// Generated is how many mutants were made; Mutants of them were judged (--max-mutants).
	Generated int `json:"generated"`
	Mutants   int `json:"mutants"`
	Killed    int `json:"killed"`
	// KilledBy counts the killed mutants by the verdict that killed them (WA, RE, TLE, ...).
	KilledBy   map[string]int `json:"killed_by,omitempty"`
	Survived   int            `json:"survived"`
	NotJudged  int            `json:"not_judged,omitempty"`
	KillRate   float64        `json:"kill_rate"` // killed / judged
	Gaps       int            `json:"gaps"`
	Equivalent int            `json:"equivalent"`
	Untriaged  int            `json:"untriaged,omitempty"`
	// Inputs is how many valid candidate inputs the triage compared survivors on; Declared of
	// the candidates came from the package's generators/small_inputs.py.
	Inputs    int        `json:"triage_inputs"`
	Declared  int        `json:"declared_inputs,omitempty"`
	Survivors []Survivor `json:"survivors"`
	Notes     []string   `json:"notes,omitempty"`
	// Tests are the distinct tests that close the gaps found, smallest first.
	Tests []Test `json:"tests,omitempty"`
}

// Survivor is a mutant no test killed, and what the triage made of it.
type Survivor struct {
	Mutant
	Class string `json:"class"`
	// For a gap: the smallest input on which it differs, the reference's answer and what the
	// mutant got there.
	Input  string `json:"input,omitempty"`
	Answer string `json:"answer,omitempty"`
	Got    string `json:"got,omitempty"`
}

// Test is a ready-to-add test case: an input and the reference's answer.
type Test struct {
	Input  string `json:"input"`
	Answer string `json:"answer"`
}

// Problem runs the mutation test of p: p's limits are the ones it is judged with (calibrated).
func (t *Tester) Problem(ctx context.Context, p *judge.Problem) (*Result, error) {
	budget := t.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	bctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	if p.Validation.Interactive {
		return nil, fmt.Errorf("mutation test of %s: an interactive problem's submissions have no outputs of their own to compare (their validator judges the conversation): %w", p.ID, judge.ErrBadInput)
	}
	r := &Result{Problem: p.ID, Survivors: []Survivor{}}
	accepted := judge.AcceptedSubmissions(p)
	if len(accepted) == 0 {
		r.Notes = append(r.Notes, "no accepted submission to mutate")
		return r, nil
	}
	var all []Mutant
	for _, s := range accepted {
		ms, err := Generate(ctx, t.Judge.Sandbox, s.Path, s.Source)
		if err != nil {
			return nil, fmt.Errorf("mutation %s: %w", p.ID, err)
		}
		all = append(all, ms...)
	}
	r.Generated = len(all)
	all = spread(all, t.MaxMutants)
	r.Mutants = len(all)
	// Judging may take JudgeShare of the budget: the rest is kept for the triage, which is what
	// turns survivors into tests.
	jctx, jcancel := context.WithTimeout(bctx, time.Duration(JudgeShare*float64(budget)))
	defer jcancel()
	survivors, err := t.judgeAll(ctx, jctx, forMutants(p), all, r)
	if err != nil {
		return nil, err
	}
	if len(survivors) > 0 {
		if err := t.triage(ctx, bctx, p, accepted, survivors, r); err != nil {
			return nil, err
		}
	}
	for _, s := range r.Survivors {
		switch s.Class {
		case Gap:
			r.Gaps++
		case Equivalent:
			r.Equivalent++
		default:
			r.Untriaged++
		}
	}
	if judged := r.Killed + r.Survived; judged > 0 {
		r.KillRate = float64(r.Killed) / float64(judged)
	}
	// Survivors left untriaged for another reason (no valid input) have a note of their own.
	if ctx.Err() == nil && (r.NotJudged > 0 || r.Untriaged > 0 && bctx.Err() != nil) {
		r.Notes = append(r.Notes, fmt.Sprintf("budget of %s spent: %d mutant(s) not judged, %d survivor(s) not triaged", budget, r.NotJudged, r.Untriaged))
	}
	return r, nil
}

// spread keeps at most n mutants, evenly spaced so every part of every submission is sampled.
func spread(ms []Mutant, n int) []Mutant {
	if n <= 0 || len(ms) <= n {
		return ms
	}
	out := make([]Mutant, 0, n)
	for i := 0; i < n; i++ {
		out = append(out, ms[i*len(ms)/n])
	}
	return out
}

// judgeAll judges every mutant against p's tests, stopping each at its first failing test, and
// returns the survivors in order.
func (t *Tester) judgeAll(ctx, bctx context.Context, p *judge.Problem, ms []Mutant, r *Result) ([]Mutant, error) {
	killed := make([]judge.Verdict, len(ms))
	judged := make([]bool, len(ms))
	var mu sync.Mutex
	done := 0
	err := judge.Each(bctx, len(ms), t.Parallel, func(c context.Context, i int) error {
		m := ms[i]
		rep, err := t.Judge.Judge(c, p, judge.Submission{Filename: path.Base(m.Origin), Source: m.Source}, judge.Options{StopOnFailure: true})
		if err != nil {
			return fmt.Errorf("mutation %s: mutant of %s line %d: %w", p.ID, m.Origin, m.Line, err)
		}
		mu.Lock()
		defer mu.Unlock()
		judged[i] = true
		killed[i] = rep.Verdict
		done++
		if t.Progress != nil {
			t.Progress(p.ID, done, len(ms))
		}
		return nil
	})
	// The budget running out leaves the rest not judged.
	if err := t.spent(ctx, bctx, err); err != nil {
		return nil, err
	}
	var survivors []Mutant
	for i, m := range ms {
		switch {
		case !judged[i]:
			r.NotJudged++
		case killed[i] != judge.Accepted:
			r.Killed++
			if r.KilledBy == nil {
				r.KilledBy = map[string]int{}
			}
			r.KilledBy[killed[i].String()]++
		default:
			r.Survived++
			survivors = append(survivors, m)
		}
	}
	return survivors, nil
}

// triage runs each survivor and its reference on candidate inputs near the problem's small
// tests, smallest first, and classes it.
func (t *Tester) triage(ctx, bctx context.Context, p *judge.Problem, accepted []judge.PackageSubmission, survivors []Mutant, r *Result) error {
	for _, m := range survivors {
		r.Survivors = append(r.Survivors, Survivor{Mutant: m, Class: Untriaged})
	}
	if v := p.InputValidator; v != nil && v.Compiled() {
		// As in verify: only Python input validators run so far, and without one the triage
		// would report gaps on inputs the contract may forbid.
		r.Notes = append(r.Notes, "the input validator is C/C++ ("+v.Entry+"): this judge runs only Python input validators so far, so survivors are not triaged")
		return nil
	}
	n := t.Inputs
	if n <= 0 {
		n = DefaultInputs
	}
	declared, err := SmallInputs(bctx, t.Judge.Sandbox, p)
	if err != nil {
		if err := t.spent(ctx, bctx, err); err != nil {
			return fmt.Errorf("mutation %s: triage: %w", p.ID, err)
		}
		return nil
	}
	cands, err := t.valid(bctx, p, withDeclared(p, declared, Candidates(p, n)))
	if err != nil {
		return t.spent(ctx, bctx, err)
	}
	r.Inputs, r.Declared = len(cands), countIn(p, cands, declared)
	if len(cands) == 0 {
		r.Notes = append(r.Notes, "no valid candidate input near the small tests: survivors not triaged")
		return nil
	}
	// Each survivor is compared with the submission it was made from.
	refs := map[string]*judge.Problem{}
	for _, s := range accepted {
		q, err := t.reference(bctx, p, s, cands)
		if err != nil {
			return t.spent(ctx, bctx, err)
		}
		refs[s.Path] = q
	}
	err = judge.Each(bctx, len(r.Survivors), t.Parallel, func(c context.Context, i int) error {
		s := &r.Survivors[i]
		q := refs[s.Origin]
		rep, err := t.Judge.Judge(c, q, judge.Submission{Filename: path.Base(s.Origin), Source: s.Source}, judge.Options{StopOnFailure: true, Reveal: true})
		if err != nil {
			return err
		}
		s.Class = Equivalent
		for _, tr := range rep.Tests {
			if tr.Failed() {
				tc := q.Tests[tr.Index]
				s.Class, s.Input, s.Answer = Gap, string(tc.Input), string(tc.Answer)
				s.Got = tr.Verdict.String()
				if tr.Message != "" {
					s.Got += ": " + tr.Message
				}
				if tr.Actual != nil && tr.Verdict == judge.WrongAnswer {
					s.Got += " (output: " + strings.TrimSpace(*tr.Actual) + ")"
				}
				break
			}
		}
		return nil
	})
	// The budget running out leaves the rest untriaged.
	if err := t.spent(ctx, bctx, err); err != nil {
		return fmt.Errorf("mutation %s: triage: %w", p.ID, err)
	}
	seen := map[string]bool{}
	for _, s := range r.Survivors {
		if s.Class == Gap && !seen[s.Input] {
			seen[s.Input] = true
			r.Tests = append(r.Tests, Test{Input: s.Input, Answer: s.Answer})
		}
	}
	sort.SliceStable(r.Tests, func(i, j int) bool { return smaller([]byte(r.Tests[i].Input), []byte(r.Tests[j].Input)) })
	return nil
}

// spent turns an error caused by the budget running out into nil (what is left stays not
// judged or untriaged); any other error, or nil, is returned.
func (t *Tester) spent(ctx, bctx context.Context, err error) error {
	if err != nil && ctx.Err() == nil && bctx.Err() != nil {
		return nil
	}
	return err
}

// valid keeps the candidates the problem's input validator accepts (all of them when it has
// none), in the sandbox.
func (t *Tester) valid(ctx context.Context, p *judge.Problem, cands [][]byte) ([][]byte, error) {
	if p.InputValidator == nil || len(cands) == 0 {
		return cands, nil
	}
	checks, info, err := judge.ValidateInputs(ctx, t.Judge.Sandbox, p.InputValidator, cands, toolLimits)
	if err != nil {
		return nil, fmt.Errorf("input validator: %w", err)
	}
	if info.CompileError != nil {
		return nil, fmt.Errorf("input validator does not compile: %s: %w", info.CompileError.Message, judge.ErrBadInput)
	}
	var out [][]byte
	for i, c := range cands {
		if checks[i].Valid {
			out = append(out, c)
		}
	}
	return out, nil
}

// reference runs the accepted submission s on the candidates and returns p with them as its
// tests, the answers being s's outputs (function mode: a raised exception is the answer
// {"raises": "<type>"}). Inputs on which s fails otherwise are left out.
func (t *Tester) reference(ctx context.Context, p *judge.Problem, s judge.PackageSubmission, cands [][]byte) (*judge.Problem, error) {
	job := judge.Job{Mode: judge.JobStdio, Filename: path.Base(s.Path), Source: s.Source, Function: p.Function,
		Forbidden: p.Forbidden, Limits: p.Limits.Job(), Tests: len(cands), Frames: func(i int) [][]byte { return [][]byte{cands[i]} }}
	if p.Mode == judge.Function {
		job.Mode = judge.JobFunction
	}
	answers := make([][]byte, len(cands))
	info, err := t.Judge.Sandbox.Run(ctx, job, func(e judge.Execution) bool {
		if e.Test < 0 || e.Test >= len(cands) || judge.OverCPU(p, e) {
			return true
		}
		switch {
		case e.Status == judge.StatusOK:
			answers[e.Test] = e.Output
		case e.Status == judge.StatusRaised && p.Mode == judge.Function && e.Error != nil:
			answers[e.Test] = fmt.Appendf(nil, "{\"raises\": %q}\n", e.Error.Type)
		}
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("reference %s: %w", s.Path, err)
	}
	if info.CompileError != nil {
		return nil, fmt.Errorf("reference %s does not compile: %s: %w", s.Path, info.CompileError.Message, judge.ErrBadInput)
	}
	q := *p
	q.Tests = nil
	for i, c := range cands {
		if answers[i] != nil {
			q.Tests = append(q.Tests, judge.Test{Name: fmt.Sprintf("candidate/%03d", i+1), Group: "secret", Input: c, Answer: answers[i]})
		}
	}
	return &q, nil
}

// JudgeShare is the part of the budget judging the mutants may take.
const JudgeShare = 0.6

// MutantSlowdown is how many times slower than the slowest accepted test (its calibrated
// median) a mutant may be before it counts as killed by TLE, when that is under the limit.
const MutantSlowdown = 5

// minMutantLimit is the least CPU limit a mutant is judged with.
const minMutantLimit = 250 * time.Millisecond

// forMutants is p as mutants are judged: smallest tests first, so a mutant dies on the first
// small input that shows it (most do) before the large tests run, and with a CPU limit of
// MutantSlowdown x the slowest accepted test where that is tighter than the problem's, so an
// endless loop (a common mutant) costs a fraction of the limit.
func forMutants(p *judge.Problem) *judge.Problem {
	q := *p
	q.Tests = append([]judge.Test(nil), p.Tests...)
	sort.SliceStable(q.Tests, func(i, j int) bool { return len(q.Tests[i].Input) < len(q.Tests[j].Input) })
	if tl := p.TimeLimit; tl != nil && tl.Source == "calibrated" && tl.SlowestAcceptedMillis > 0 {
		lim := max(minMutantLimit, time.Duration(MutantSlowdown*tl.SlowestAcceptedMillis*float64(time.Millisecond)))
		q.Limits.Time = min(q.Limits.Time, lim.Round(time.Millisecond))
	}
	return &q
}
