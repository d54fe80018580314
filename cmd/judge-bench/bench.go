package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/judge-dev/judge/judge"
)

// subject is a problem and the solution judged over and over.
type subject struct {
	name string // shown in the table
	p    *judge.Problem
	sub  judge.Submission
}

// mode is one way of judging: a sandbox, and what to do before each latency sample.
type mode struct {
	name, what string
	sb         judge.Sandbox
	// ready brings the mode to its resting state before a latency sample (the pool: full).
	ready func(ctx context.Context, memoryMiB ...int) error
	// samples and batch override the defaults (the naive baseline is slow).
	samples, batch int
	// problem, when set, is the problem this mode judges instead of the subject's own.
	problem func(*judge.Problem) *judge.Problem
	// always: measured whatever -modes says (another runtime's row, asked for by -runtimes).
	always bool
}

// tokenValidator is an output validator in Python that does what the default checker does on
// these problems (the tokens must be the answer's): the same judging with a custom validator's
// cost added, and nothing else.
const tokenValidator = `import sys
with open(sys.argv[2]) as f:
    answer = f.read().split()
if sys.stdin.read().split() != answer:
    with open(sys.argv[3] + "judgemessage.txt", "w") as f:
        f.write("the tokens differ from the answer's")
    sys.exit(43)
sys.exit(42)
`

// withValidator is p judged by tokenValidator instead of the default checker.
func withValidator(p *judge.Problem) *judge.Problem {
	q := *p
	q.Validation.Validator = &judge.Program{Entry: "validate.py", Lang: judge.LangPython,
		Files: map[string][]byte{"validate.py": []byte(tokenValidator)}}
	return &q
}

// tokenFunction is tokenValidator as a validator function (problem.yaml's validator_function).
const tokenFunction = `def validate(input, answer, output):
    return output.split() == answer.split() or "the tokens differ from the answer's"
`

// withValidatorFunction is p judged by tokenFunction instead of the default checker.
func withValidatorFunction(p *judge.Problem) *judge.Problem {
	q := *p
	q.Validation.Validator = &judge.Program{Entry: "validate.py", Lang: judge.LangPython, Function: "validate",
		Files: map[string][]byte{"validate.py": []byte(tokenFunction)}}
	return &q
}

// result is one row of the table.
type result struct {
	mode, what  string
	latencies   []time.Duration
	batch, conc int
	perSecond   float64
	note        string
	// outside is, per latency sample, the judging's time outside its tests' own wall time
	// (the harness's work between tests, the forks, the stream to the judge), per test.
	outside []time.Duration
	// charged is every test's CPU time as the report gives it, over the latency samples: on a
	// subject whose tests do nothing, what the judge charges a candidate for nothing.
	charged []time.Duration
}

func (r result) p(q float64) time.Duration { return percentile(r.latencies, q) }

// percentile is the nearest-rank percentile of the samples.
func percentile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(math.Ceil(q*float64(len(s)))) - 1
	return s[max(0, min(i, len(s)-1))]
}

// judgeOnce judges the subject and insists on AC: timing wrong results would be meaningless.
func judgeOnce(ctx context.Context, sb judge.Sandbox, s subject) (*judge.Report, error) {
	rep, err := (&judge.Judge{Sandbox: sb}).Judge(ctx, s.p, s.sub, judge.Options{})
	if err != nil {
		return nil, err
	}
	if rep.Verdict != judge.Accepted {
		return nil, fmt.Errorf("%s on %s: got %s (%s), want AC", s.sub.Filename, s.p.ID, rep.Verdict, rep.Message)
	}
	return rep, nil
}

// minSamples is how many latency samples a row takes at least, whatever the budget.
const minSamples = 5

// latency judges the subject at most n times, one at a time, each from the mode's resting state
// (at least minSamples times, then while until allows), and returns in r each judging's time,
// its time outside the tests' own wall time per test, and every test's charged CPU time.
func latency(ctx context.Context, m mode, s subject, n int, until time.Time) (r result, err error) {
	for i := 0; more(i, n, minSamples, until); i++ {
		if m.ready != nil {
			if err := m.ready(ctx, s.p.Limits.MemoryMiB); err != nil {
				return r, err
			}
		}
		start := time.Now()
		rep, err := judgeOnce(ctx, m.sb, s)
		if err != nil {
			return r, fmt.Errorf("%s: %w", m.name, err)
		}
		took := time.Since(start)
		r.latencies = append(r.latencies, took)
		var tests time.Duration
		for _, t := range rep.Tests {
			tests += time.Duration(t.WallMillis * float64(time.Millisecond))
			r.charged = append(r.charged, time.Duration(t.CPUMillis*float64(time.Millisecond)))
		}
		if len(rep.Tests) > 0 {
			r.outside = append(r.outside, (took-tests)/time.Duration(len(rep.Tests)))
		}
	}
	return r, nil
}

// isolating runs every job with Isolate set: each test in a process of its own, as before tests
// shared one (the cost of that isolation, beside the warm row).
type isolating struct{ judge.Sandbox }

func (s isolating) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	job.Isolate = true
	return s.Sandbox.Run(ctx, job, each)
}

// throughput submits n at once, at most conc judged at a time, and returns submissions per
// second from the first submission to the last verdict.
func throughput(ctx context.Context, m mode, s subject, n, conc int) (float64, error) {
	if m.ready != nil {
		if err := m.ready(ctx, s.p.Limits.MemoryMiB); err != nil {
			return 0, err
		}
	}
	return parallel(ctx, n, conc, func(ctx context.Context) error {
		_, err := judgeOnce(ctx, m.sb, s)
		return err
	})
}

// parallel runs job n times, conc at once, and returns runs per second.
func parallel(ctx context.Context, n, conc int, job func(context.Context) error) (float64, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, conc)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	start := time.Now()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			if err := job(ctx); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if first != nil {
		return 0, first
	}
	return float64(n) / elapsed.Seconds(), nil
}

// measure fills one row: latency samples, then a batch submitted at once; with a budget, the
// samples take the first half of the time until until and the batch is sized to the rest.
func measure(ctx context.Context, log io.Writer, m mode, s subject, samples, batch, conc int, until time.Time) (result, error) {
	if m.samples > 0 {
		samples = m.samples
	}
	if m.batch > 0 {
		batch = m.batch
	}
	fmt.Fprintf(log, "  %s / %s: %s one at a time, then %s at once (%d in parallel)\n", s.name, m.name, upTo(samples, until), upTo(batch, until), conc)
	if m.problem != nil {
		s.p = m.problem(s.p)
	}
	r, err := latency(ctx, m, s, samples, shareOf(until, 2))
	r.mode, r.what, r.conc = m.name, m.what, conc
	if err != nil {
		return r, err
	}
	r.batch = batchSize(batch, conc, r.p(0.5), until)
	r.perSecond, err = throughput(ctx, m, s, r.batch, conc)
	return r, err
}

// batchSize is how many of a row's batch fit before until, taking each to cost 1.3 times the
// row's latency p50 (the fixed-size batches of the slowest machine measured 0.8-1.5, 1.3 about
// their middle: on 2 cores a judging's latency already keeps both busy; a batch that runs over
// leaves less to the sections after it). At least two rounds of the workers, so
// that a throughput is one with every worker busy; a batch asked smaller than that (the naive
// one) only runs when it fits.
func batchSize(batch, conc int, p50 time.Duration, until time.Time) int {
	least := 2 * conc
	if batch < least {
		least = 0
	}
	return fitUntil(batch, least, p50*13/10, until)
}

// upTo says how many a loop runs: n, or at most n under a budget.
func upTo(n int, until time.Time) string {
	if until.IsZero() {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("up to %d", n)
}

// ceiling measures the raw container lifecycle the same way: one at a time, then a batch.
func ceiling(ctx context.Context, log io.Writer, lifecycle func(context.Context) error, samples, batch, conc int, until time.Time) (result, error) {
	fmt.Fprintf(log, "  ceiling: %s lifecycles one at a time, then %s at once (%d in parallel)\n", upTo(samples, until), upTo(batch, until), conc)
	r := result{mode: "ceiling", what: "create+start+wait+remove of python3 -c pass (API)", conc: conc}
	return r, timeRuns(ctx, &r, lifecycle, samples, batch, conc, until)
}

// timeRuns fills r with run's latency, one at a time, then its throughput in a batch, within
// until as measure does: a row of something that is not a judging (the ceiling, the floor).
func timeRuns(ctx context.Context, r *result, run func(context.Context) error, samples, batch, conc int, until time.Time) error {
	half := shareOf(until, 2)
	for i := 0; more(i, samples, minSamples, half); i++ {
		start := time.Now()
		if err := run(ctx); err != nil {
			return err
		}
		r.latencies = append(r.latencies, time.Since(start))
	}
	r.batch = batchSize(batch, conc, r.p(0.5), until)
	var err error
	r.perSecond, err = parallel(ctx, r.batch, conc, run)
	return err
}

// cpuStats summarises the total CPU time of repeated judgings of one solution.
type cpuStats struct {
	n                     int
	mean, min, max, stdev float64
}

func summarize(xs []float64) cpuStats {
	st := cpuStats{n: len(xs), min: math.Inf(1), max: math.Inf(-1)}
	for _, x := range xs {
		st.mean += x
		st.min, st.max = math.Min(st.min, x), math.Max(st.max, x)
	}
	st.mean /= float64(len(xs))
	for _, x := range xs {
		st.stdev += (x - st.mean) * (x - st.mean)
	}
	if len(xs) > 1 {
		st.stdev = math.Sqrt(st.stdev / float64(len(xs)-1))
	}
	return st
}

// scenario is a situation in which the reference solution's CPU time is measured.
type scenario struct {
	name string
	ref  mode // how the reference is judged
	fill bool // fill the pool before each judging (no start can be running)
	// load, when set, runs without pause in conc workers while the reference is judged.
	load func(context.Context) error
	conc int
}

// minSpread is how many judgings a situation of the CPU-time spread takes at least.
const minSpread = 3

// cpuTimes judges the reference at most n times (at least minSpread, then while until allows),
// one at a time, and returns each judging's total CPU.
func (sc scenario) cpuTimes(ctx context.Context, ref subject, n int, until time.Time) ([]float64, error) {
	var xs []float64
	// Full before the load starts: under load it never is.
	if sc.ref.ready != nil {
		if err := sc.ref.ready(ctx, ref.p.Limits.MemoryMiB); err != nil {
			return nil, err
		}
	}
	measure := func() error {
		for i := 0; more(i, n, minSpread, until); i++ {
			if sc.fill && i > 0 {
				if err := sc.ref.ready(ctx, ref.p.Limits.MemoryMiB); err != nil {
					return err
				}
			}
			rep, err := judgeOnce(ctx, sc.ref.sb, ref)
			if err != nil {
				return err
			}
			xs = append(xs, rep.CPUMillis)
		}
		return nil
	}
	if sc.load == nil {
		return xs, measure()
	}
	return xs, alongside(ctx, sc.conc, sc.load, measure)
}

// alongside runs f while conc workers repeat work without pause.
func alongside(ctx context.Context, conc int, work func(context.Context) error, f func() error) error {
	bctx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var once sync.Once
	var bgErr error
	for w := 0; w < conc; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for bctx.Err() == nil {
				if err := work(bctx); err != nil && bctx.Err() == nil {
					once.Do(func() { bgErr = err })
					return
				}
			}
		}()
	}
	err := f()
	stop()
	wg.Wait()
	if err == nil {
		err = bgErr
	}
	return err
}
