package main

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/jobs"
	"github.com/judge-dev/judge/judge/metrics"
	"github.com/judge-dev/judge/judge/server"
	"github.com/judge-dev/judge/judge/store"
)

// WorkerOptions are the inputs of `judge worker`.
type WorkerOptions struct {
	Addr       string
	DB         string
	Workers    int
	JobTimeout time.Duration
	// Complexity estimates AC and TLE submissions\' growth classes after their verdicts.
	Complexity bool
	// Check is how often the worker asks its Docker engine whether it can judge.
	Check time.Duration

	listening func(addr string)
}

func newCmdWorker(f *Factory) *cobra.Command {
	opts := &WorkerOptions{}
	cmd := &cobra.Command{
		Use:   "worker",
		Short: "Judge the submissions of a PostgreSQL-backed judge serve on this machine's Docker",
		Long: `Judge submissions queued by judge serve processes that share a PostgreSQL database
(--db postgres://...): take River jobs, judge them in this machine's Docker engine (its own
warm pool) and write each result with its job's completion. It serves no API, only
/healthz, /readyz and /metrics (interviewers' token) on --addr.

While the Docker engine does not answer (or lacks the runner image) the worker takes no
jobs and /readyz says so; the jobs it held go back to the queue for other workers. SIGTERM
stops taking jobs, lets the judgings in flight finish (30 s at most; the rest go back to the
queue) and exits.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWorker(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:9090", "address of /healthz, /readyz and /metrics")
	cmd.Flags().StringVar(&opts.DB, "db", "", "PostgreSQL `URL` (postgres://...) of the judge serve processes")
	cmd.Flags().IntVar(&opts.Workers, "workers", runtime.NumCPU(), "submissions judged at once (default: one per core)")
	cmd.Flags().BoolVar(&opts.Complexity, "complexity", false, "after an AC or TLE verdict on a problem with a size ladder, estimate the submission's growth class and the reference's (a low-priority job; shown on the desk and in exports)")
	cmd.Flags().DurationVar(&opts.JobTimeout, "job-timeout", 10*time.Minute, "cancel (and retry) a judging that takes longer; the judgings of a killed worker are retried this long (+10 s) after they started (the same on every process)")
	cmd.Flags().DurationVar(&opts.Check, "docker-check", 5*time.Second, "how often to ask Docker whether this worker can judge")
	poolFlag(cmd, f)
	return cmd
}

func runWorker(ctx context.Context, f *Factory, opts *WorkerOptions) error {
	if !store.IsPostgres(opts.DB) {
		return usageError("judge worker needs --db postgres://...: the queue it shares with judge serve")
	}
	if opts.Workers < 1 {
		return usageError("--workers must be at least 1")
	}
	if opts.JobTimeout < time.Second || opts.Check <= 0 {
		return usageError("--job-timeout must be at least 1s and --docker-check positive")
	}
	log := slog.New(slog.NewTextHandler(f.IO.ErrOut, nil))
	st, err := store.Open(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := jobs.Migrate(ctx, st); err != nil {
		return err
	}
	sb := &lazySandbox{f: f}
	g := calibratingGrader(ctx, f, sb, opts.Workers, log)
	set := f.Problems()
	load := func(_ context.Context, id string) (*judge.Problem, error) { return set.Load(id) }
	m := metrics.New(metrics.Sources{Queued: st.Queued, Pool: sb.poolStats})
	q, err := jobs.New(jobs.Config{Store: st, Grader: g, Problem: load, Judged: m.Judged,
		Deliver: server.Deliverer(10*time.Second, time.Now), Workers: opts.Workers, Complexity: opts.Complexity, JobTimeout: opts.JobTimeout, Logger: log})
	if err != nil {
		return err
	}
	gate := &jobGate{q: q, log: log, ready: f.dockerReady, bg: context.WithoutCancel(ctx)}
	defer gate.stop()
	gate.check(ctx)
	go func() {
		tick := time.NewTicker(opts.Check)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				gate.check(ctx)
			}
		}
	}()
	ui, err := q.UI(ctx, "/riverui", log)
	if err != nil {
		return err
	}
	srv := server.New(server.Config{QueueUI: ui, Store: st, Problem: load, Grader: g, Logger: log, WorkerOnly: true,
		Metrics: m.Handler(), Observe: m.Request, Ready: gate.readyz})
	return srv.Serve(ctx, opts.Addr, func(addr string) {
		log.Info("judge worker listening", "url", "http://"+addr, "db", store.Redact(opts.DB), "workers", opts.Workers)
		if opts.listening != nil {
			opts.listening(addr)
		}
	})
}

// jobGate starts the worker's queue client while this machine can judge, and stops it (its
// jobs go back to the queue) while it cannot.
type jobGate struct {
	q     *jobs.Queue
	log   *slog.Logger
	ready func(context.Context) error
	bg    context.Context

	mu      sync.Mutex
	running bool
	why     error // why it is not taking jobs
}

// check asks Docker and starts or stops taking jobs accordingly.
func (g *jobGate) check(ctx context.Context) {
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	err := g.ready(cctx)
	cancel()
	if ctx.Err() != nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case err != nil && g.running:
		g.log.Warn("this worker cannot judge: it stops taking jobs (its own go back to the queue)", "err", err)
		g.running = false
		g.stopLocked()
	case err == nil && !g.running:
		if serr := g.q.Start(g.bg); serr != nil {
			err = fmt.Errorf("start taking jobs: %w", serr)
			break
		}
		g.running = true
		g.log.Info("this worker takes jobs")
	case err != nil && g.why == nil:
		g.log.Warn("this worker cannot judge yet: it takes no jobs", "err", err)
	}
	g.why = err
}

// readyz is red while the worker takes no jobs, saying why.
func (g *jobGate) readyz(ctx context.Context) error {
	g.mu.Lock()
	running, why := g.running, g.why
	g.mu.Unlock()
	if running {
		return nil
	}
	if why == nil {
		why = fmt.Errorf("not started")
	}
	return fmt.Errorf("taking no jobs: %w", why)
}

func (g *jobGate) stop() {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.running {
		g.running = false
		g.stopLocked()
	}
}

func (g *jobGate) stopLocked() {
	sctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	if err := g.q.Stop(sctx); err != nil {
		g.log.Error("stop taking jobs", "err", err)
	}
}
