package judge

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"path"
	"slices"
	"sort"
	"sync"
	"time"
)

// A time limit is meant for the machine that judges (Kattis derives it there from the slowest
// accepted submission). Calibration measures the problem's own accepted submissions in the
// sandbox, on this machine, and derives the effective limit from them and the declared one.
const (
	// CalibrationVersion changes whenever the way a calibration is measured or derived changes,
	// so cached calibrations of another method are not used.
	CalibrationVersion = 1
	// DefaultMultiplier is the effective limit over the slowest accepted test (Kattis'
	// ac_to_time_limit is 2.0; 3 leaves room for a correct solution written less frugally than
	// ours, and for the noise of a busy machine).
	DefaultMultiplier = 3.0
	// DefaultCalibrationRuns is how often each accepted submission is run; the median of a test's
	// runs is its time, so one noisy run moves nothing.
	DefaultCalibrationRuns = 3
	// limitStep rounds effective limits up, so they read as people write limits.
	limitStep = 100 * time.Millisecond
	// calibrationHeadroom is the time limit the accepted submissions run with while being
	// measured, as a multiple of the declared one: they must finish to be measured.
	calibrationHeadroom = 10
)

// TimeLimit is the CPU time limit a judging used and where it came from; every report carries it.
type TimeLimit struct {
	DeclaredMillis  float64 `json:"declared_ms"`
	EffectiveMillis float64 `json:"effective_ms"`
	// Source is "declared" (the problem's own limit, used as is) or "calibrated".
	Source string `json:"source"`
	// The calibration behind a calibrated limit.
	CalibratedAt          *time.Time `json:"calibrated_at,omitempty"`
	SlowestAcceptedMillis float64    `json:"slowest_accepted_ms,omitempty"`
	SlowestAcceptedTest   string     `json:"slowest_accepted_test,omitempty"`
	Multiplier            float64    `json:"multiplier,omitempty"`
	// Note says why a limit is the declared one (--declared-limits, no accepted submission).
	Note string `json:"note,omitempty"`
}

// String reads like "1 s declared; 3.0 s on this machine (calibrated 2026-12-02: 3x the slowest
// accepted test, secret/07-big at 968 ms)".
func (t TimeLimit) String() string {
	declared := seconds(t.DeclaredMillis) + " declared"
	if t.Source != "calibrated" {
		if t.Note != "" {
			return declared + ", used as is (" + t.Note + ")"
		}
		return declared + ", used as is"
	}
	when := ""
	if t.CalibratedAt != nil {
		when = " " + t.CalibratedAt.UTC().Format("2006-01-02 15:04 UTC")
	}
	if t.EffectiveMillis <= t.DeclaredMillis {
		return fmt.Sprintf("%s, kept on this machine (calibrated%s: the slowest accepted test, %s, takes %.0f ms; %gx that is within the limit)",
			declared, when, t.SlowestAcceptedTest, t.SlowestAcceptedMillis, t.Multiplier)
	}
	return fmt.Sprintf("%s; %s on this machine (calibrated%s: %gx the slowest accepted test, %s at %.0f ms)",
		declared, seconds(t.EffectiveMillis), when, t.Multiplier, t.SlowestAcceptedTest, t.SlowestAcceptedMillis)
}

func seconds(ms float64) string {
	if ms >= 1000 && math.Mod(ms, 1000) == 0 {
		return fmt.Sprintf("%.0f s", ms/1000)
	}
	return fmt.Sprintf("%.1f s", ms/1000)
}

// DeclaredLimit describes a problem judged with its declared limit.
func DeclaredLimit(p *Problem, note string) TimeLimit {
	ms := millis(p.Limits.Time)
	return TimeLimit{DeclaredMillis: ms, EffectiveMillis: ms, Source: "declared", Note: note}
}

// Calibration is the measurement of a problem's accepted submissions on one machine, and the
// effective limit derived from it.
type Calibration struct {
	Version int    `json:"version"`
	Key     string `json:"key"`
	Problem string `json:"problem"`
	// Environment names what was measured on (runner image, runtime, machine); part of Key.
	Environment string        `json:"environment"`
	At          time.Time     `json:"at"`
	Declared    time.Duration `json:"declared_ns"`
	Effective   time.Duration `json:"effective_ns"`
	Multiplier  float64       `json:"multiplier"`
	Runs        int           `json:"runs"`
	Parallel    int           `json:"parallel"`
	// Slowest is the largest per-test median over every accepted submission.
	Slowest           time.Duration `json:"slowest_ns"`
	SlowestTest       string        `json:"slowest_test"`
	SlowestSubmission string        `json:"slowest_submission"`
	// Tests holds, per test, the slowest accepted submission's median CPU time (ms), so a
	// per-test limit can be compared with the per-problem one.
	Tests []TestTiming `json:"tests"`
	// Note is set when nothing could be measured (no accepted submission): Effective = Declared.
	Note string `json:"note,omitempty"`
}

// TestTiming is one test's calibrated time.
type TestTiming struct {
	Name         string  `json:"name"`
	MedianMillis float64 `json:"median_ms"`
	Submission   string  `json:"submission"`
}

// Limit is the TimeLimit a report shows for this calibration.
func (c *Calibration) Limit() TimeLimit {
	if c.Note != "" {
		return TimeLimit{DeclaredMillis: millis(c.Declared), EffectiveMillis: millis(c.Effective), Source: "declared", Note: c.Note}
	}
	at := c.At
	return TimeLimit{
		DeclaredMillis: millis(c.Declared), EffectiveMillis: millis(c.Effective), Source: "calibrated",
		CalibratedAt: &at, SlowestAcceptedMillis: millis(c.Slowest), SlowestAcceptedTest: c.SlowestTest,
		Multiplier: c.Multiplier,
	}
}

// Apply returns a copy of p judged with the calibration's effective limit; the report then says
// how the limit was derived.
func (c *Calibration) Apply(p *Problem) *Problem {
	q := *p
	q.Limits.Time = c.Effective
	l := c.Limit()
	q.TimeLimit = &l
	return &q
}

// EffectiveLimit derives a problem's limit from its declared one and the slowest accepted test
// measured here: never below the declared limit, rounded up to a tenth of a second.
func EffectiveLimit(declared, slowest time.Duration, multiplier float64) time.Duration {
	want := time.Duration(math.Ceil(float64(slowest) * multiplier / float64(limitStep)))
	return max(declared, want*limitStep)
}

// CalibrationCache keeps calibrations between runs, by key.
type CalibrationCache interface {
	Load(key string) (*Calibration, error) // nil, nil when there is none
	Store(c *Calibration) error
}

// Calibrator measures problems' accepted submissions on this machine.
type Calibrator struct {
	Judge *Judge
	Cache CalibrationCache // nil: never cached
	// Environment identifies the judging environment (runner image id, runtime, machine): a
	// calibration is valid only where it was measured.
	Environment string
	// Parallel is how many runs are judged at once: the concurrency of judging (one per core), so
	// the times are measured under the load they will be judged under.
	Parallel   int
	Runs       int     // default DefaultCalibrationRuns
	Multiplier float64 // default DefaultMultiplier
	// Progress, when set, hears about each finished run.
	Progress func(problem string, done, total int)
	Now      func() time.Time
}

// Key is the cache key of a problem's calibration in this environment.
func (c *Calibrator) Key(p *Problem) string {
	h := sha256.New()
	fmt.Fprintf(h, "calibration v%d\x00%s\x00runs %d\x00x%g\x00", CalibrationVersion, c.Environment, c.runs(), c.multiplier())
	h.Write([]byte(ProblemDigest(p)))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func (c *Calibrator) runs() int {
	if c.Runs > 0 {
		return c.Runs
	}
	return DefaultCalibrationRuns
}

func (c *Calibrator) multiplier() float64 {
	if c.Multiplier > 0 {
		return c.Multiplier
	}
	return DefaultMultiplier
}

// Cached returns the cached calibration of p, or nil.
func (c *Calibrator) Cached(p *Problem) (*Calibration, error) {
	if c.Cache == nil {
		return nil, nil
	}
	cal, err := c.Cache.Load(c.Key(p))
	if err != nil || cal == nil || cal.Version != CalibrationVersion || cal.Problem != p.ID {
		return nil, err
	}
	return cal, nil
}

// Calibrate returns p's calibration: the cached one, or a new measurement (then cached).
func (c *Calibrator) Calibrate(ctx context.Context, p *Problem) (cal *Calibration, cached bool, err error) {
	if cal, err := c.Cached(p); err != nil || cal != nil {
		return cal, cal != nil, err
	}
	cal, err = c.Measure(ctx, p)
	if err != nil {
		return nil, false, err
	}
	// Nothing measured (no accepted submission) is not worth a file.
	if c.Cache != nil && cal.Note == "" {
		if err := c.Cache.Store(cal); err != nil {
			return nil, false, err
		}
	}
	return cal, false, nil
}

// AcceptedSubmissions returns the package's accepted submissions, the ones calibration runs.
func AcceptedSubmissions(p *Problem) []PackageSubmission {
	var out []PackageSubmission
	for _, s := range p.Submissions {
		if s.Expected == Accepted {
			out = append(out, s)
		}
	}
	return out
}

// Measure runs every accepted submission Runs times, Parallel at once, each with a generous
// limit, and derives the effective limit from the slowest per-test median.
func (c *Calibrator) Measure(ctx context.Context, p *Problem) (*Calibration, error) {
	now := c.Now
	if now == nil {
		now = time.Now
	}
	cal := &Calibration{
		Version: CalibrationVersion, Key: c.Key(p), Problem: p.ID, Environment: c.Environment,
		At: now().UTC(), Declared: p.Limits.Time, Effective: p.Limits.Time,
		Multiplier: c.multiplier(), Runs: c.runs(), Parallel: max(1, c.Parallel),
	}
	subs := AcceptedSubmissions(p)
	if len(subs) == 0 {
		cal.Note = "no accepted submission to calibrate with"
		return cal, nil
	}
	q := *p
	q.Limits.Time = calibrationHeadroom * p.Limits.Time
	type run struct{ sub, rep int }
	var jobs []run
	for r := 0; r < cal.Runs; r++ {
		for s := range subs {
			jobs = append(jobs, run{s, r})
		}
	}
	// times[s][t] holds the CPU times of submission s on test t, one per run.
	times := make([][][]float64, len(subs))
	for s := range times {
		times[s] = make([][]float64, len(p.Tests))
	}
	var mu sync.Mutex
	done := 0
	err := Each(ctx, len(jobs), cal.Parallel, func(ctx context.Context, i int) error {
		j := jobs[i]
		s := subs[j.sub]
		rep, err := c.Judge.Judge(ctx, &q, Submission{Filename: path.Base(s.Path), Source: s.Source}, Options{})
		if err != nil {
			return fmt.Errorf("calibrate %s: %s: %w", p.ID, s.Path, err)
		}
		if rep.Verdict != Accepted {
			why := rep.Message
			if t := rep.FirstFailure(); t != nil {
				why = fmt.Sprintf("test %s: %s", t.Name, t.Message)
			}
			return fmt.Errorf("calibrate %s: the package's accepted submission %s got %s here, even with %dx the time limit (%s); the package is broken (or this machine far too slow for it); fix the package or judge with --declared-limits: %w",
				p.ID, s.Path, rep.Verdict, calibrationHeadroom, why, ErrBadInput)
		}
		mu.Lock()
		defer mu.Unlock()
		for _, t := range rep.Tests {
			times[j.sub][t.Index] = append(times[j.sub][t.Index], t.CPUMillis)
		}
		done++
		if c.Progress != nil {
			c.Progress(p.ID, done, len(jobs))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	cal.Tests = make([]TestTiming, len(p.Tests))
	for t := range p.Tests {
		cal.Tests[t] = TestTiming{Name: p.Tests[t].Name}
		for s := range subs {
			if m := median(times[s][t]); m >= cal.Tests[t].MedianMillis {
				cal.Tests[t].MedianMillis, cal.Tests[t].Submission = m, subs[s].Path
			}
		}
		if m := cal.Tests[t].MedianMillis; m > millis(cal.Slowest) {
			cal.Slowest = time.Duration(m * float64(time.Millisecond))
			cal.SlowestTest, cal.SlowestSubmission = p.Tests[t].Name, cal.Tests[t].Submission
		}
	}
	cal.Effective = EffectiveLimit(p.Limits.Time, cal.Slowest, cal.Multiplier)
	return cal, nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// ProblemDigest identifies what of a problem affects its calibration: limits, mode, function,
// every test and every accepted submission. Another version of the package calibrates anew.
func ProblemDigest(p *Problem) string {
	h := sha256.New()
	field := func(b []byte) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	meta, _ := json.Marshal(struct {
		ID        string
		Mode      Mode
		Limits    Limits
		Function  *FunctionSpec
		Forbidden Forbidden
	}{p.ID, p.Mode, p.Limits, p.Function, p.Forbidden})
	field(meta)
	for _, t := range p.Tests {
		field([]byte(t.Name))
		field(t.Input)
		field(t.Answer)
	}
	for _, s := range AcceptedSubmissions(p) {
		field([]byte(s.Path))
		field(s.Source)
	}
	return hex.EncodeToString(h.Sum(nil))
}
