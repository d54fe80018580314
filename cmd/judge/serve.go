package main

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/jobs"
	"github.com/judge-dev/judge/judge/metrics"
	"github.com/judge-dev/judge/judge/server"
	"github.com/judge-dev/judge/judge/store"
)

// ServeOptions are the inputs of `judge serve`.
type ServeOptions struct {
	Addr    string
	DB      string
	Workers int
	// JobTimeout cancels a judging that takes longer: a guard against a hung judging. The
	// judgings of a server that died are taken up again when the next one starts (it claims the
	// database), not after this.
	JobTimeout time.Duration
	// Complexity estimates AC and TLE submissions\' growth classes after their verdicts.
	Complexity bool
	// PerMinute bounds each candidate's submissions and sample runs.
	PerMinute int
	// MaxQueued bounds the submissions waiting for a result.
	MaxQueued int
	// Demo makes a demo assessment with one invited candidate when the database has none.
	Demo bool

	// listening hears the address bound (tests ask for port 0).
	listening func(addr string)
}

func newCmdServe(f *Factory) *cobra.Command {
	opts := &ServeOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve take-home assessments over HTTP (interviewers' and candidates' JSON API)",
		Long: `Serve take-home assessments: interviewers create assessments from the problem set and
invite candidates; candidates read statements and samples, run samples and submit through
their invite link, and never hold the hidden tests. Submissions are kept in an SQLite
database file (--db) with their queue (River), judged by in-process workers in the warm
pool, each recorded exactly once.

On the first start with a new database the admin token is printed, once: interviewers send
it as "Authorization: Bearer <token>". SIGTERM or Ctrl-C stops taking requests, lets the
judgings in flight finish (30 s at most; the rest go back to the queue) and exits.`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().StringVar(&opts.DB, "db", "judge.db", "SQLite database `FILE` (created when missing), or a PostgreSQL URL (postgres://...) shared with other serve and worker processes")
	cmd.Flags().IntVar(&opts.Workers, "workers", runtime.NumCPU(), "submissions judged at once in this process (0 with PostgreSQL: none, judge worker processes judge)")
	cmd.Flags().IntVar(&opts.PerMinute, "submissions-per-minute", 10, "each candidate's submissions and sample runs: that many at once, then one every minute/N (429 beyond)")
	cmd.Flags().IntVar(&opts.MaxQueued, "max-queued", 1000, "submissions that may wait for a result at once (503 queue_full beyond)")
	cmd.Flags().BoolVar(&opts.Demo, "demo", false, "on a database without assessments, make a demo one ("+strings.Join(server.DemoProblems, ", ")+") and print a candidate's invite link")
	cmd.Flags().BoolVar(&opts.Complexity, "complexity", false, "after an AC or TLE verdict on a problem with a size ladder, estimate the submission's growth class and the reference's (a low-priority job; shown on the desk and in exports)")
	cmd.Flags().DurationVar(&opts.JobTimeout, "job-timeout", 10*time.Minute, "cancel (and retry) a judging that takes longer than this (a hung judging; the judge's own budget ends a slow submission long before); on PostgreSQL a dead process's judgings are retried this long (+10 s) after they started")
	poolFlag(cmd, f)
	return cmd
}

func runServe(ctx context.Context, f *Factory, opts *ServeOptions) error {
	if opts.Workers < 0 || opts.Workers == 0 && !store.IsPostgres(opts.DB) {
		return usageError("--workers must be at least 1 (0, an API server without workers, needs a PostgreSQL --db that judge worker processes share)")
	}
	if opts.MaxQueued < 1 {
		return usageError("--max-queued must be at least 1")
	}
	if opts.PerMinute < 1 {
		return usageError("--submissions-per-minute must be at least 1")
	}
	if opts.JobTimeout < time.Second {
		return usageError("--job-timeout must be at least 1s")
	}
	log := slog.New(slog.NewTextHandler(f.IO.ErrOut, nil))
	// The embedded database has one server: this one, which claims it before anything else. What
	// is still marked as being judged was cut short by one that died, and is judged again now. (A
	// PostgreSQL database is shared by servers and workers: there River's rescuer takes up a dead
	// one's judgings, after the job timeout.)
	open := store.OpenClaimed
	if store.IsPostgres(opts.DB) {
		open = store.Open
	}
	st, err := open(ctx, opts.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := jobs.Migrate(ctx, st); err != nil {
		return err
	}
	if !st.Postgres() {
		if n, err := st.RequeueOrphans(ctx); err != nil {
			return err
		} else if n > 0 {
			log.Info("judging again what a stopped server left unfinished", "submissions", n)
		}
	}
	// Docker may be away when the server starts, or go away later: submissions are taken and
	// wait in the queue, and the sandbox is made when Docker answers.
	sb := &lazySandbox{f: f}
	if _, err := sb.get(ctx); err != nil {
		// Not fatal: /readyz says so, submissions wait, judging starts when Docker answers.
		log.Warn("cannot judge yet; submissions will wait in the queue", "err", err)
	}
	g := calibratingGrader(ctx, f, sb, opts.Workers, log)
	set := f.Problems()
	load := func(_ context.Context, id string) (*judge.Problem, error) { return set.Load(id) }

	feed := judge.NewFeed()
	m := metrics.New(metrics.Sources{Queued: st.Queued, Pool: sb.poolStats})
	q, err := jobs.New(jobs.Config{Store: st, Grader: g, Problem: load, Feed: feed, Judged: m.Judged,
		Deliver: server.Deliverer(10*time.Second, time.Now), Workers: opts.Workers, Complexity: opts.Complexity, JobTimeout: opts.JobTimeout, MaxQueued: opts.MaxQueued, Logger: log})
	if err != nil {
		return err
	}
	// The queue stops after the HTTP server, explicitly: not when ctx is cancelled. Without
	// workers (judge worker processes judge) there is nothing to start: it only inserts.
	if opts.Workers > 0 {
		if err := q.Start(context.WithoutCancel(ctx)); err != nil {
			return fmt.Errorf("start queue: %w", err)
		}
		defer func() {
			sctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
			defer cancel()
			if err := q.Stop(sctx); err != nil {
				log.Error("stop queue", "err", err)
			}
		}()
	}

	tok, err := server.EnsureAdminToken(ctx, st)
	if err != nil {
		return err
	}
	if tok != "" {
		fmt.Fprintf(f.IO.Out, "admin token (shown once; only its hash is stored): %s\n", tok)
	}
	ui, err := q.UI(ctx, "/riverui", log)
	if err != nil {
		return err
	}
	srv := server.New(server.Config{QueueUI: ui,
		Store: st, Queue: q, Problem: load, Grader: g, Logger: log, PerMinute: opts.PerMinute, Follow: feed.Follow,
		Metrics: m.Handler(), Observe: m.Request,
		Catalogue: func(context.Context) ([]server.CatalogueEntry, error) {
			list, err := set.List()
			out := make([]server.CatalogueEntry, len(list))
			for i, p := range list {
				out[i] = server.CatalogueEntry{ID: p.ID, Name: p.Name}
			}
			return out, err
		},
		Ready: f.dockerReady,
	})
	demo := ""
	if opts.Demo {
		if demo, err = srv.Demo(ctx, server.DemoProblems); err != nil {
			return fmt.Errorf("demo assessment: %w", err)
		}
	}
	return srv.Serve(ctx, opts.Addr, func(addr string) {
		log.Info("judge serve listening", "url", "http://"+addr, "db", store.Redact(opts.DB), "workers", opts.Workers)
		// With the first token (or the demo), where to use it; a restart prints nothing.
		if tok != "" || demo != "" {
			fmt.Fprintf(f.IO.Out, "interviewers' desk: http://%s/desk/\n", addr)
		}
		if demo != "" {
			fmt.Fprintf(f.IO.Out, "demo candidate's invite link (shown once): http://%s%s\n", addr, demo)
		}
		if opts.listening != nil {
			opts.listening(addr)
		}
	})
}

// calibratingGrader is the Factory's grader on sb whose time limits are measured one problem
// at a time, once the sandbox exists.
func calibratingGrader(ctx context.Context, f *Factory, sb *lazySandbox, parallel int, log *slog.Logger) *grade.Grader {
	// Calibrations measure with every core: one at a time, and a judging of that problem waits.
	var calibrating sync.Mutex
	g := f.Grader(sb, max(parallel, 1))
	// C/C++ output validators compile and run in the validator image: its sandbox is made now
	// when a problem needs it (not retried later: such problems then wait for a restart).
	if p := firstCompiledValidator(f); p != nil {
		var err error
		if g.Validators, err = f.Validators(ctx, p); err != nil {
			log.Warn("problems with C/C++ output validators cannot be judged", "err", err)
		}
	}
	limit := g.Limit
	g.Limit = func(ctx context.Context, p *judge.Problem) (*judge.Problem, error) {
		// The Factory's sandbox exists before calibrating: the calibration never makes it.
		if _, err := sb.get(ctx); err != nil {
			return nil, err
		}
		calibrating.Lock()
		defer calibrating.Unlock()
		return limit(ctx, p)
	}
	return g
}

// firstCompiledValidator is the first problem with a C or C++ output validator, or nil. It
// reads the problems' metadata only: loading them all, tests included, held every problem's
// tests in memory at start (186 MiB of heap for the built-in set) for nothing but this question.
func firstCompiledValidator(f *Factory) *judge.Problem {
	set := f.Problems()
	list, err := set.List()
	if err != nil {
		return nil
	}
	for _, s := range list {
		if p, err := set.Meta(s.ID); err == nil && p.Validation.Validator != nil && p.Validation.Validator.Compiled() {
			return p
		}
	}
	return nil
}

// dockerReady says whether this machine can judge now: Docker answers and has the runner
// image. A client of its own: asking must not wait for a judging or a calibration.
func (f *Factory) dockerReady(ctx context.Context) error {
	c, err := docker.Connect(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = docker.ImageID(ctx, c, f.Image)
	return err
}

// lazySandbox is the Factory's batch sandbox (the warm pool), made at the first judging that
// finds Docker answering; until then every judging fails with judge.ErrUnavailable, which
// leaves its submission queued.
type lazySandbox struct {
	f  *Factory
	mu sync.Mutex
	sb judge.Sandbox
}

var _ judge.Sandbox = (*lazySandbox)(nil)

// get returns the sandbox, making it if Docker answers now. The Factory is touched only here,
// under mu, until it succeeds.
func (l *lazySandbox) get(ctx context.Context) (judge.Sandbox, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.sb != nil {
		return l.sb, nil
	}
	sb, err := l.f.BatchSandbox(ctx)
	if err != nil {
		return nil, err
	}
	l.sb = sb
	return sb, nil
}

func (l *lazySandbox) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	sb, err := l.get(ctx)
	if err != nil {
		return judge.RunInfo{}, err
	}
	return sb.Run(ctx, job, each)
}

// Interact runs an interactive problem's tests on the sandbox once made; a Python validator's
// sandbox is this one, which the engine's side knows as the sandbox it wraps.
func (l *lazySandbox) Interact(ctx context.Context, job judge.Job, val judge.Sandbox, vjob judge.Job, each func(judge.Exchange) bool) (judge.RunInfo, error) {
	sb, err := l.get(ctx)
	if err != nil {
		return judge.RunInfo{}, err
	}
	ia, ok := sb.(judge.Interactor)
	if !ok {
		return judge.RunInfo{}, fmt.Errorf("the server's sandbox %T cannot run interactive problems: %w", sb, judge.ErrUnavailable)
	}
	if val == judge.Sandbox(l) {
		val = sb
	}
	return ia.Interact(ctx, job, val, vjob, each)
}

var _ judge.Interactor = (*lazySandbox)(nil)

// poolStats reads the warm pool's counters for /metrics; nil before it exists.
func (l *lazySandbox) poolStats() map[string]int {
	l.mu.Lock()
	ready := l.sb != nil
	l.mu.Unlock()
	if !ready || l.f.pool == nil {
		return nil
	}
	s := l.f.pool.Stats()
	return map[string]int{"warm": s.Warm, "waited": s.Waited, "started": s.Started, "recycled": s.Recycled, "idle": s.Idle, "reused": s.Reused}
}
