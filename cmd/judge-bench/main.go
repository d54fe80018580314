// Command judge-bench measures how fast submissions are judged (make bench): the naive script
// (one `docker run --rm` per test from the docker CLI), a cold container per submission, the warm
// pool, the limit (the harness on the host, no container) and the ceiling (the raw container
// lifecycle), as latency of one submission and throughput of many submitted at once, plus the
// spread of measured CPU times idle versus under load; then a load test of one real `judge serve`
// on loopback against the same submissions through `judge grade` (server.go). It prints one
// table.
//
// It is a measuring tool, not part of the judge: it is the one program allowed to run the docker
// CLI (for the naive baseline), and it never judges untrusted code (the limit runs on the host).
// Its load test sends requests only to the server it started, on 127.0.0.1, bounded in count.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/local"
	"github.com/judge-dev/judge/judge/problemset"
)

// BenchOptions are the inputs of judge-bench.
type BenchOptions struct {
	Synthetic, Real string // problem directories
	Samples         int    // latency samples per mode
	Batch           int    // submissions at once, for throughput
	Parallel        int    // judged at once in a batch
	NaiveSamples    int
	NaiveBatch      int
	Spread          int    // judgings of the reference for the CPU spread, idle and loaded
	Anatomy         int    // lifecycles per variant in the lifecycle section
	GradeSubs       int    // copies of each grade problem's accepted submission through judge grade
	GradeProblems   string // comma-separated problem folders of the grade section
	Image           string
	Modes           string        // comma-separated subset of the modes, for quick looks
	Runtimes        string        // other OCI runtimes to measure, where registered with the engine
	Out             string        // a file the tables are written to as well
	Budget          time.Duration // the time the run shares among its sections (0: the sizes above, whatever they take)
	Server          ServerOptions
}

func main() {
	opts := &BenchOptions{}
	flag.StringVar(&opts.Synthetic, "synthetic", "testdata/problems/add20", "20-test function-mode problem with a trivial solution")
	flag.StringVar(&opts.Real, "real", "problems/fibonacci", "a real problem")
	flag.IntVar(&opts.Samples, "samples", 20, "latency samples per mode")
	flag.IntVar(&opts.Batch, "batch", 20, "submissions submitted at once for throughput")
	flag.IntVar(&opts.Parallel, "parallel", 2*runtime.NumCPU(), "submissions judged at once in a batch (every mode)")
	flag.IntVar(&opts.NaiveSamples, "naive-samples", 1, "latency samples of the naive baseline (a docker run per test: slow)")
	flag.IntVar(&opts.NaiveBatch, "naive-batch", 2, "batch size of the naive baseline")
	flag.IntVar(&opts.Spread, "spread", 10, "judgings of the reference solution for the CPU-time spread, idle and under load")
	flag.IntVar(&opts.Anatomy, "lifecycles", 10, "lifecycles, one at a time, per variant of the lifecycle section: where a container's CPU goes (0: no section)")
	flag.IntVar(&opts.GradeSubs, "grade-subs", 20, "copies of each -grade-problems' accepted submission judged by one judge grade (0: no grade section)")
	flag.StringVar(&opts.GradeProblems, "grade-problems", "problems/two-sum,problems/fibonacci", "problem folders of the grade section, comma-separated")
	flag.StringVar(&opts.Image, "image", docker.RunnerImage(), "runner image")
	flag.StringVar(&opts.Modes, "modes", "naive,cold,warm,isolated,checked,checkfn,turns,limit", "modes to measure (the ceiling always is; the targets need all four)")
	flag.StringVar(&opts.Server.Judge, "judge", "bin/judge", "the judge binary the server section runs (serve, grade)")
	flag.IntVar(&opts.Server.Subs, "server-subs", 500, "submissions in the server load test, and through judge grade (0: no server section)")
	flag.IntVar(&opts.Server.Clients, "server-clients", 50, "concurrent clients of the server load test, each with its own invite")
	flag.IntVar(&opts.Server.Idle, "server-idle", 20, "POST-to-verdict samples on the idle server, one at a time")
	flag.IntVar(&opts.Server.Workers, "server-workers", 0, "judge serve --workers and judge grade --parallel (0: their defaults, one per core)")
	flag.StringVar(&opts.Server.DB, "server-db", "", "the server's database: empty for an SQLite file, postgres for a throwaway PostgreSQL server (Debian's binaries), or a postgres:// URL; PostgreSQL adds its load per submission")
	flag.StringVar(&opts.Runtimes, "runtimes", "crun", "other OCI runtimes to measure beside the engine's default (a warm row and a ceiling row each), where registered with Docker; empty for none")
	flag.StringVar(&opts.Out, "out", "bin/bench.txt", "also write the tables to this file (empty: only standard output)")
	flag.DurationVar(&opts.Budget, "budget", 0, "the time the run shares among its sections, whose sizes above become maxima (0: no budget, the sizes as given)")
	flag.Parse()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var out io.Writer = os.Stdout
	if opts.Out != "" {
		f, err := os.Create(opts.Out)
		if err != nil {
			fmt.Fprintf(os.Stderr, "judge-bench: %v\n", err)
			os.Exit(1)
		}
		defer f.Close()
		out = io.MultiWriter(os.Stdout, f)
	}
	if err := runBench(ctx, opts, out, &elapsed{w: os.Stderr, start: time.Now(), bol: true}); err != nil {
		fmt.Fprintf(os.Stderr, "judge-bench: %v\n", err)
		os.Exit(1)
	}
}

// elapsed prefixes each line of the bench's progress with the time since it started, so a run
// shows where its minutes go.
type elapsed struct {
	w     io.Writer
	start time.Time
	bol   bool // at the beginning of a line
}

func (e *elapsed) Write(p []byte) (int, error) {
	for _, line := range bytes.SplitAfter(p, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		if e.bol {
			d := time.Since(e.start).Round(time.Second)
			if _, err := fmt.Fprintf(e.w, "[%2d:%02d] ", int(d.Minutes()), int(d.Seconds())%60); err != nil {
				return 0, err
			}
		}
		if _, err := e.w.Write(line); err != nil {
			return 0, err
		}
		e.bol = line[len(line)-1] == '\n'
	}
	return len(p), nil
}

// The weights by which a budget shares the run's time among its sections (budget.go): the
// judging rows, the spread and the server scale their samples to their slice; the grade
// section (20 copies, as issue 14 measures it) only reserves its time.
const (
	weightLifecycles = 1.0 // the lifecycle section
	weightCeiling    = 0.5 // the ceiling row, and each other runtime's
	weightRow        = 1.0 // each row of the judging tables
	weightFloor      = 0.3 // the floor row
	weightSpread     = 3.0 // the CPU-time spread
	weightGrade      = 1.2 // each problem of the grade section
	weightServer     = 5.0 // the server section, last: it takes what is left
)

// weights is the sum of the weights of the sections opts asks for.
func (opts *BenchOptions) weights() float64 {
	runtimes := float64(len(list(opts.Runtimes)))
	w := weightCeiling*(1+runtimes) + 2*weightRow*runtimes // another runtime: a ceiling and a warm row
	if opts.Anatomy > 0 {
		w += weightLifecycles
	}
	rows := len(list(opts.Modes))
	w += 2 * (weightRow*float64(rows) + weightFloor)
	if opts.Spread > 0 {
		w += weightSpread
	}
	if opts.GradeSubs > 0 {
		w += weightGrade * float64(len(list(opts.GradeProblems)))
	}
	if opts.Server.Subs > 0 {
		w += weightServer
	}
	return w
}

func runBench(ctx context.Context, opts *BenchOptions, out, log io.Writer) error {
	started, load0 := time.Now(), loadAverage()
	b := newBudget(opts.Budget, opts.weights())
	if opts.Budget > 0 {
		fmt.Fprintf(log, "judge-bench: a budget of %v shared among the sections; the sample sizes are maxima\n", opts.Budget)
	}
	fault, err := faultCostMedian(256<<20, 3)
	if err != nil {
		return err
	}
	print, warm, err := judgingBench(ctx, opts, log, b)
	if err != nil {
		return err
	}
	// After the in-process pools are drained.
	var grades []gradeRow
	if opts.GradeSubs > 0 {
		problems := list(opts.GradeProblems)
		b.section(weightGrade * float64(len(problems)))
		if grades, err = gradeSection(ctx, log, opts.Server.Judge, problems, opts.GradeSubs, opts.Server.Workers); err != nil {
			return err
		}
	}
	// Last: the server has the machine to itself, and takes what is left of the budget.
	var srv *serverResult
	if opts.Server.Subs > 0 {
		if opts.Server.Clients < 1 {
			return fmt.Errorf("-server-clients must be at least 1")
		}
		if srv, err = serverBench(ctx, log, &opts.Server, warm, opts.Real, opts.Image, b.section(weightServer)); err != nil {
			return fmt.Errorf("server: %w", err)
		}
	}
	print(out, started, load0)
	fmt.Fprintf(out, "\nthis machine's page faults: %.2f µs of CPU per %d KiB page (256 MiB of fresh memory touched, median of 3; machines of our kind differ by 10x here)\n",
		float64(fault.Nanoseconds())/1000, os.Getpagesize()>>10)
	if len(grades) > 0 {
		printGrade(out, grades, warm.lifecycle)
	}
	if srv != nil {
		printServer(out, srv)
	}
	return nil
}

// warmRef is the subject of the server section and its warm-pool judging time, in process, its
// batch's throughput (what sizes the server's load under a budget), and the p50 of one bare
// container lifecycle (the ceiling row).
type warmRef struct {
	s         subject
	p50       time.Duration
	perSecond float64
	lifecycle time.Duration
}

// judgingBench measures the judging tables in process, and returns how to print them and the
// real subject's warm-pool judging time; its pools are drained when it returns.
func judgingBench(ctx context.Context, opts *BenchOptions, log io.Writer, b *budget) (func(io.Writer, time.Time, string), warmRef, error) {
	var ref warmRef
	synthetic, err := loadSubject(opts.Synthetic)
	if err != nil {
		return nil, ref, err
	}
	real, err := loadSubject(opts.Real)
	if err != nil {
		return nil, ref, err
	}
	c, err := docker.Connect(ctx)
	if err != nil {
		return nil, ref, err
	}
	defer c.Close()
	if _, err := docker.Sweep(ctx, c); err != nil {
		return nil, ref, err
	}
	engine, err := docker.Engine(ctx, c)
	if err != nil {
		return nil, ref, err
	}
	cold, err := docker.NewSandbox(ctx, c, opts.Image)
	if err != nil {
		return nil, ref, err
	}
	host, err := local.New("")
	if err != nil {
		return nil, ref, err
	}
	defer host.Close()
	pool := docker.NewPool(cold, docker.PoolOptions{Size: opts.Parallel})
	defer pool.Close()
	turns := docker.NewPool(cold, docker.PoolOptions{Size: opts.Parallel, TakeTurns: true})
	defer turns.Close()

	// A pool in use keeps both memory classes warm: the submissions' and their validators'.
	fillBoth := func(ctx context.Context, mems ...int) error {
		return pool.Fill(ctx, append(mems, judge.ValidatorLimits.MemoryMiB)...)
	}
	modes := []mode{
		{name: "naive", what: "docker run --rm per test (CLI)", sb: &naive{image: opts.Image}, samples: opts.NaiveSamples, batch: opts.NaiveBatch},
		{name: "cold", what: "a container per submission (Engine API)", sb: cold},
		{name: "warm", what: fmt.Sprintf("warm pool of %d", pool.Size()), sb: pool, ready: pool.Fill},
		{name: "isolated", what: "warm, each test in a process of its own (no shared runs)", sb: isolating{pool}, ready: pool.Fill},
		{name: "checked", what: "warm, a Python validator program instead of the checker", sb: pool, problem: withValidator, ready: fillBoth},
		{name: "checkfn", what: "warm, a Python validator function instead of the checker", sb: pool, problem: withValidatorFunction, ready: fillBoth},
		{name: "turns", what: fmt.Sprintf("warm pool of %d, starts and tests take turns", turns.Size()), sb: turns, ready: turns.Fill},
		{name: "limit", what: "the harness on the host, no container", sb: host},
	}
	if bad := unknownModes(opts.Modes, modes); len(bad) > 0 {
		return nil, ref, fmt.Errorf("-modes: no mode %s (the modes: %s)", strings.Join(bad, ", "), modeNames(modes))
	}
	// Other runtimes: a warm pool and a ceiling each, beside the default's.
	registered, err := docker.Runtimes(ctx, c)
	if err != nil {
		return nil, ref, err
	}
	var ceilings []func(context.Context) (result, error)
	var absent []string
	for _, rt := range list(opts.Runtimes) {
		if !slices.Contains(registered, rt) {
			absent = append(absent, rt+" is not registered with this engine (README, \"Other OCI runtimes\", says how)")
			continue
		}
		alt, err := docker.NewSandbox(ctx, c, opts.Image)
		if err != nil {
			return nil, ref, err
		}
		alt.Runtime = rt
		if err := alt.Lifecycle(ctx); err != nil {
			// Registered, but it cannot run containers here (crun 1.8 refuses a cgroup v1 host
			// whose cgroup v2 hierarchy holds a controller): say why instead of a row.
			absent = append(absent, fmt.Sprintf("%s is registered but cannot run a container here (%v)", rt, err))
			continue
		}
		altPool := docker.NewPool(alt, docker.PoolOptions{Size: opts.Parallel})
		defer altPool.Close()
		modes = append(modes, mode{name: rt, what: fmt.Sprintf("warm pool of %d, OCI runtime %s", altPool.Size(), rt), sb: altPool, ready: altPool.Fill, always: true})
		ceilings = append(ceilings, func(ctx context.Context) (result, error) {
			r, err := ceiling(ctx, log, alt.Lifecycle, opts.Samples, opts.Batch, opts.Parallel, b.section(weightCeiling))
			r.mode, r.what = rt+"-cl", "create+start+wait+remove, OCI runtime "+rt
			return r, err
		})
	}
	fmt.Fprintf(log, "judge-bench: %d latency samples and %d at once per mode (naive: %d and %d), %d in parallel\n",
		opts.Samples, opts.Batch, opts.NaiveSamples, opts.NaiveBatch, opts.Parallel)
	// First, on a machine that nothing of the bench has loaded yet: its CPU split is read from
	// counters every process on the machine adds to.
	var lifecycles []anatomyRow
	if opts.Anatomy > 0 {
		if lifecycles, err = anatomy(ctx, log, cold, opts.Anatomy, b.section(weightLifecycles)); err != nil {
			return nil, ref, err
		}
	}
	ceil, err := ceiling(ctx, log, cold.Lifecycle, opts.Samples, opts.Batch, opts.Parallel, b.section(weightCeiling))
	if err != nil {
		return nil, ref, fmt.Errorf("ceiling: %w", err)
	}
	var altCeils []result
	for _, measure := range ceilings {
		r, err := measure(ctx)
		if err != nil {
			return nil, ref, fmt.Errorf("ceiling: %w", err)
		}
		altCeils = append(altCeils, r)
	}
	tables := map[string][]result{}
	for _, s := range []subject{synthetic, real} {
		for _, m := range modes {
			if !m.always && !slices.Contains(list(opts.Modes), m.name) {
				continue
			}
			r, err := measure(ctx, log, m, s, opts.Samples, opts.Batch, opts.Parallel, b.section(weightRow))
			if err != nil {
				return nil, ref, fmt.Errorf("%s / %s: %w", s.name, m.name, err)
			}
			tables[s.name] = append(tables[s.name], r)
		}
		fl, err := floor(ctx, log, s, opts.Samples, opts.Batch, opts.Parallel, b.section(weightFloor))
		if err != nil {
			return nil, ref, fmt.Errorf("%s / floor: %w", s.name, err)
		}
		tables[s.name] = append(append(tables[s.name], ceil), altCeils...)
		tables[s.name] = append(tables[s.name], fl)
	}
	poolStats := pool.Stats()
	var spreads []spreadRow
	if opts.Spread > 0 {
		warm, warmTurns := modeNamed(modes, "warm"), modeNamed(modes, "turns")
		judging := func(sb judge.Sandbox) func(context.Context) error {
			return func(ctx context.Context) error { _, err := judgeOnce(ctx, sb, synthetic); return err }
		}
		at := fmt.Sprintf("%d %s judgings at a time", opts.Parallel, synthetic.name)
		scenarios := []scenario{
			{name: "idle (pool full before each)", ref: warm, fill: true},
			{name: fmt.Sprintf("%d container lifecycles at a time alongside", runtime.NumCPU()), ref: warm, conc: runtime.NumCPU(), load: cold.Lifecycle},
			{name: at + " on the host", ref: warm, conc: opts.Parallel, load: judging(host)},
			{name: at + " in cold containers", ref: warm, conc: opts.Parallel, load: judging(cold)},
			{name: at + " in the pool", ref: warm, conc: opts.Parallel, load: judging(pool)},
			{name: at + " in the pool taking turns", ref: warmTurns, conc: opts.Parallel, load: judging(turns)},
		}
		until := b.section(weightSpread)
		fmt.Fprintf(log, "  CPU-time spread: %s's reference judged %s times in %d situations\n", real.p.ID, upTo(opts.Spread, until), len(scenarios))
		for k, sc := range scenarios {
			xs, err := sc.cpuTimes(ctx, real, opts.Spread, shareOf(until, len(scenarios)-k))
			if err != nil {
				return nil, ref, fmt.Errorf("spread: %s: %w", sc.name, err)
			}
			spreads = append(spreads, spreadRow{sc.name, xs})
		}
	}
	ref.s, ref.lifecycle = real, ceil.p(0.5)
	for _, r := range tables[real.name] {
		if r.mode == "warm" {
			ref.p50, ref.perSecond = r.p(0.5), r.perSecond
		}
	}
	if ref.p50 == 0 && opts.Server.Subs > 0 {
		// The warm row was not asked for: the server section still needs it.
		lat, err := latency(ctx, modeNamed(modes, "warm"), real, opts.Samples, time.Time{})
		if err != nil {
			return nil, ref, fmt.Errorf("%s / warm: %w", real.name, err)
		}
		ref.p50 = lat.p(0.5)
	}
	return func(out io.Writer, started time.Time, load0 string) {
		printAll(out, opts, started, load0, engine, synthetic, real, tables, poolStats, spreads)
		printAnatomy(out, lifecycles)
		for _, why := range absent {
			fmt.Fprintf(out, "\nnot measured: %s\n", why)
		}
	}, ref, nil
}

func printAll(out io.Writer, opts *BenchOptions, started time.Time, load0, engine string, synthetic, real subject,
	tables map[string][]result, poolStats docker.PoolStats, spreads []spreadRow) {
	fmt.Fprintf(out, "judge-bench, %s; %s; %d cores (%s); %s; load average %s at start, %s at end; %.0f s\n",
		started.Format("2006-01-02 15:04"), runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), cpuModel(), engine,
		load0, loadAverage(), time.Since(started).Seconds())
	fmt.Fprintf(out, "latency: one submission at a time, each from the mode's resting state (warm: pool full); throughput: a batch submitted at once, %d judged in parallel\n", opts.Parallel)
	for _, s := range []subject{synthetic, real} {
		fmt.Fprintf(out, "\n%s: %s, %d tests, %s\n", s.name, s.p.Mode, len(s.p.Tests), s.sub.Filename)
		printRows(out, tables[s.name])
	}
	fmt.Fprintf(out, "\nwarm pool, all its jobs: %d took a ready container, %d waited for a start, %d validations joined their validator's session\n", poolStats.Warm, poolStats.Waited, poolStats.Reused)
	printTargets(out, tables[synthetic.name], tables[real.name], synthetic, real)
	if len(spreads) == 0 {
		return
	}
	fmt.Fprintf(out, "\nCPU time of %s's %s (sum over its %d tests), judged n times through a warm pool:\n", real.p.ID, real.sub.Filename, len(real.p.Tests))
	base := summarize(spreads[0].xs)
	for _, row := range spreads {
		st := summarize(row.xs)
		fmt.Fprintf(out, "  %-58s n %2d  mean %6.1f ms  min %6.1f  max %6.1f  stdev %5.1f (%4.1f%%)  mean/idle %.2f\n",
			row.name, st.n, st.mean, st.min, st.max, st.stdev, 100*st.stdev/st.mean, st.mean/base.mean)
	}
}

type spreadRow struct {
	name string
	xs   []float64
}

func loadSubject(dir string) (subject, error) {
	p, err := problemset.LoadDir(dir)
	if err != nil {
		return subject{}, err
	}
	for _, s := range p.Submissions {
		if s.Expected == judge.Accepted {
			return subject{name: p.ID, p: p, sub: judge.Submission{Filename: path.Base(s.Path), Source: s.Source}}, nil
		}
	}
	return subject{}, fmt.Errorf("%s has no accepted submission to time", filepath.Clean(dir))
}

func printRows(out io.Writer, rows []result) {
	fmt.Fprintf(out, "  %-8s %-52s %4s %9s %9s %8s %9s\n", "mode", "what", "n", "p50 ms", "p95 ms", "batch", "subs/s")
	for _, r := range rows {
		batch, perSecond := strconv.Itoa(r.batch), fmt.Sprintf("%.2f", r.perSecond)
		if r.batch == 0 { // the budget left no time for it
			batch, perSecond = "-", "-"
		}
		fmt.Fprintf(out, "  %-8s %-52s %4d %9.1f %9.1f %8s %9s\n", r.mode, r.what, len(r.latencies), ms(r.p(0.5)), ms(r.p(0.95)), batch, perSecond)
	}
}

func printTargets(out io.Writer, syn, real []result, s, rl subject) {
	// missing: a row a figure needs was not measured (-modes left it out); the figure is "-".
	missing := false
	get := func(rows []result, name string) result {
		for _, r := range rows {
			if r.mode == name {
				return r
			}
		}
		missing = true
		return result{}
	}
	fmt.Fprintf(out, "\ntargets (p50 unless said)          %-22s %-22s target\n", s.name, rl.name)
	figure := func(rows []result, f func([]result) float64, ok func(float64) bool) string {
		missing = false
		x := f(rows)
		if missing {
			return "-"
		}
		return verdict(x, ok)
	}
	line := func(what string, f func([]result) float64, ok func(float64) bool, target string) {
		fmt.Fprintf(out, "  %-32s %-22s %-22s %s\n", what, figure(syn, f, ok), figure(real, f, ok), target)
	}
	line("warm / floor", func(rows []result) float64 {
		return ms(get(rows, "warm").p(0.5)) / ms(get(rows, "floor").p(0.5))
	}, func(x float64) bool { return x <= 3 }, "<= 3 (issue 14)")
	// Not a ratio: milliseconds, the judge's own cost per test beside the tests' (issue 14).
	fmt.Fprintf(out, "  %-32s %-22s %-22s %s\n", "warm: outside the tests, ms/test", outsideMS(get(syn, "warm")), outsideMS(get(real, "warm")),
		"(latency less the tests' own wall time, per test, p50: the harness, forks, stream)")
	fmt.Fprintf(out, "  %-32s %-22s %-22s %s\n", "isolated: outside the tests", outsideMS(get(syn, "isolated")), outsideMS(get(real, "isolated")),
		"(the same, each test in a process of its own)")
	line("isolated / warm", func(rows []result) float64 {
		return ms(get(rows, "isolated").p(0.5)) / ms(get(rows, "warm").p(0.5))
	}, nil, "(what a process per test costs)")
	fmt.Fprintf(out, "  %-32s %-22s %-22s %s\n", "warm: charged CPU per test, ms", chargedMS(get(syn, "warm")), chargedMS(get(real, "warm")),
		"<= 2 on a test that does nothing (issue 14): p50 / p90 over every test")
	fmt.Fprintf(out, "  %-32s %-22s %-22s %s\n", "isolated: charged CPU per test", chargedMS(get(syn, "isolated")), chargedMS(get(real, "isolated")), "")
	line("checkfn / warm", func(rows []result) float64 {
		return ms(get(rows, "checkfn").p(0.5)) / ms(get(rows, "warm").p(0.5))
	}, func(x float64) bool { return x <= 1.2 }, "<= 1.2 (issue 14: a custom validator's cost; a function called per test)")
	line("checked / warm", func(rows []result) float64 {
		return ms(get(rows, "checked").p(0.5)) / ms(get(rows, "warm").p(0.5))
	}, func(x float64) bool { return x <= 1.2 }, "<= 1.2 (a validator program, Kattis's form: its tests share a process while they exit 42 or 43)")
	line("warm / limit", func(rows []result) float64 {
		return ms(get(rows, "warm").p(0.5)) / ms(get(rows, "limit").p(0.5))
	}, func(x float64) bool { return x <= 1.1 }, "<= 1.1")
	line("cold / (ceiling + limit)", func(rows []result) float64 {
		return ms(get(rows, "cold").p(0.5)) / (ms(get(rows, "ceiling").p(0.5)) + ms(get(rows, "limit").p(0.5)))
	}, func(x float64) bool { return x <= 1.1 }, "<= 1.1")
	line("naive / warm", func(rows []result) float64 {
		return ms(get(rows, "naive").p(0.5)) / ms(get(rows, "warm").p(0.5))
	}, func(x float64) bool { return x >= 20 }, ">= 20")
	line("warm subs/s / ceiling subs/s", func(rows []result) float64 {
		return get(rows, "warm").perSecond / get(rows, "ceiling").perSecond
	}, func(x float64) bool { return x >= 0.9 }, ">= 0.9")
	for _, r := range syn {
		if strings.HasSuffix(r.mode, "-cl") {
			rt := strings.TrimSuffix(r.mode, "-cl")
			line(rt+" warm / warm", func(rows []result) float64 {
				return ms(get(rows, rt).p(0.5)) / ms(get(rows, "warm").p(0.5))
			}, nil, "(for comparison: lower is faster)")
			line(rt+" ceiling subs/s / ceiling", func(rows []result) float64 {
				return get(rows, r.mode).perSecond / get(rows, "ceiling").perSecond
			}, nil, "(for comparison: higher is faster)")
			line(rt+" warm subs/s / warm", func(rows []result) float64 {
				return get(rows, rt).perSecond / get(rows, "warm").perSecond
			}, nil, "(for comparison: higher is faster)")
		}
	}
	line("cold subs/s / ceiling subs/s", func(rows []result) float64 {
		return get(rows, "cold").perSecond / get(rows, "ceiling").perSecond
	}, nil, "(for comparison)")
	line("turns subs/s / ceiling subs/s", func(rows []result) float64 {
		return get(rows, "turns").perSecond / get(rows, "ceiling").perSecond
	}, nil, "(for comparison)")
	// Each submission costs a container lifecycle plus the harness and tests: if both costs
	// simply add up on the same cores, this is the best throughput possible.
	bound := func(rows []result) float64 {
		return 1 / (1/get(rows, "ceiling").perSecond + 1/get(rows, "limit").perSecond)
	}
	line("additive bound, subs/s", bound, nil, "1/(1/ceiling + 1/limit): lifecycle and tests on the same cores")
	line("warm subs/s / additive bound", func(rows []result) float64 { return get(rows, "warm").perSecond / bound(rows) }, nil, "")
	line("turns subs/s / additive bound", func(rows []result) float64 { return get(rows, "turns").perSecond / bound(rows) }, nil, "")
}

func verdict(x float64, ok func(float64) bool) string {
	if ok == nil {
		return fmt.Sprintf("%.2f", x)
	}
	mark := "met"
	if !ok(x) {
		mark = "MISSED"
	}
	return fmt.Sprintf("%.2f %s", x, mark)
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}

// chargedMS is a row's charged CPU per test, p50 / p90 over every test, in ms ("-" when not
// measured).
func chargedMS(r result) string {
	if len(r.charged) == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f / %.2f", ms(percentile(r.charged, 0.5)), ms(percentile(r.charged, 0.9)))
}

// outsideMS is a row's p50 time outside its tests, per test, in ms ("-" when not measured).
func outsideMS(r result) string {
	if len(r.outside) == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", ms(percentile(r.outside, 0.5)))
}

// list is a comma-separated flag's items (-modes, -runtimes, -grade-problems), without empty ones.
func list(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' })
}

// unknownModes are the names in asked (comma-separated, as -modes takes them) that are no mode's:
// they would be counted in the budget and never run.
func unknownModes(asked string, modes []mode) []string {
	var bad []string
	for _, name := range list(asked) {
		if !slices.ContainsFunc(modes, func(m mode) bool { return m.name == name }) {
			bad = append(bad, name)
		}
	}
	return bad
}

func modeNames(modes []mode) string {
	names := make([]string, len(modes))
	for i, m := range modes {
		names[i] = m.name
	}
	return strings.Join(names, ",")
}

// modeNamed is the mode of that name (the list is built above: it is there).
func modeNamed(modes []mode, name string) mode {
	for _, m := range modes {
		if m.name == name {
			return m
		}
	}
	panic("judge-bench: no mode " + name)
}
