// Package jobs is judge serve's queue: each submission is one River job (github.com/riverqueue/
// river, on SQLite through riversqlite, on PostgreSQL through riverdatabasesql) whose arguments hold only the submission's id. It is the
// only importer of River. A submission's row and its job are committed in one transaction, and
// its result is written in the transaction that completes the job, so what a client was told is
// accepted is never lost and is recorded exactly once. It judges through judge/grade only and
// decides no verdict; it never writes SQL itself (judge/store does).
package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
	"riverqueue.com/riverui"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/store"
)

// Args are a submission job's arguments: the submission's id, nothing more. The source and the
// result live in the submission's row.
type Args struct {
	SubmissionID string `json:"submission_id"`
}

// Kind names the job in River's tables.
func (Args) Kind() string { return "judge_submission" }

// FinishArgs are a finish webhook job's arguments: the candidate who finished.
type FinishArgs struct {
	CandidateID string `json:"candidate_id"`
	Reason      string `json:"reason"` // done, time_up
}

// Kind names the job in River's tables.
func (FinishArgs) Kind() string { return "judge_finish_webhook" }

// Deliver posts a signed webhook body to url; an error means "try again later".
type Deliver func(ctx context.Context, url, secret, idempotencyKey string, body []byte) error

// Config wires a Queue.
type Config struct {
	Store *store.Store
	// Grader judges; its Limit applies this machine's time limits.
	Grader *grade.Grader
	// Problem loads a problem by id.
	Problem func(ctx context.Context, id string) (*judge.Problem, error)
	// Feed, when set, hears each judging's tests as they finish, and its end.
	Feed *judge.Feed
	// Judged, when set, hears each recorded outcome: the report (nil when the judge failed) and
	// where the submission's time went.
	Judged func(rep *judge.Report, s judge.Stages)
	// MaxQueued bounds the submissions waiting for a result (default 1000): beyond it Submit
	// refuses with judge.ErrBusy, so a flood waits at the door instead of in everyone's queue.
	MaxQueued int
	// WindowCheck is how often candidates whose window ended are looked for (default 1 min).
	WindowCheck time.Duration
	// Deliver sends finish webhooks (judge/server's signed POST); River retries it with backoff.
	Deliver Deliver
	// Complexity: after an AC or TLE verdict on a problem with a size ladder, a low-priority
	// job (ComplexityArgs) estimates the submission's growth class and the reference's, and
	// adds them to its report. Set on the processes that judge.
	Complexity bool
	// Workers is how many submissions are judged at once in this process; 0 inserts only.
	Workers int
	// Retry is how long a submission waits before another try when the judge is unavailable
	// (Docker unreachable): it stays queued, never failed. Default 5 s.
	Retry time.Duration
	// PollInterval is how often idle workers look for jobs when no notification woke them. On
	// PostgreSQL workers LISTEN for River's insert notifications (sent in the inserting
	// transaction), so the poll only catches a missed one: default 1 s. On SQLite River's
	// driver stands in for notifications by reading a table every 50 ms, and the poll is
	// 50 ms too (an indexed read, 20 a second: a few ms of CPU); this process's own inserts
	// wake its listener at once (wake.go), so neither is what a submission waits for.
	PollInterval time.Duration
	// JobTimeout cancels a judging that takes longer (it is tried again): a guard against a
	// hung judging, far over any submission's own budget. A judging whose server died (kill -9,
	// a crash) is taken up again RescueMargin after its timeout by River's rescuer, unless the
	// next server claims the database first and requeues it at once (store.OpenClaimed,
	// RequeueOrphans). Default 10 min: the first judging of a problem calibrates its time limit,
	// which takes a while.
	JobTimeout time.Duration
	Logger     *slog.Logger
}

// RescueMargin is how long after its timeout a judging that is still marked running is
// taken to be orphaned and queued again.
const RescueMargin = 10 * time.Second

// Queue enqueues submissions and, with workers, judges them.
type Queue struct {
	client    *river.Client[store.SQLTx]
	store     *store.Store
	maxQueued int
	wake      *wake // SQLite: tells this process's listener that jobs were committed (wake.go)
}

// driver is River's driver for the store's database: riversqlite, or on PostgreSQL River's
// database/sql driver over pgx, so that River writes in the store's own transactions (its
// pgx-native driver takes only pgx's). River's inserts NOTIFY in their transaction.
func driver(st *store.Store) riverdriver.Driver[store.SQLTx] {
	if st.Postgres() {
		return riverdatabasesql.New(st.DB())
	}
	return riversqlite.New(st.DB())
}

// workingDriver is driver for a client that works jobs: on PostgreSQL it also LISTENs, on a
// pgx connection of its own (store.ListenPool), so a worker is woken by an insert instead of
// finding it at its next poll; on SQLite its listener is woken by this process's inserts (w).
func workingDriver(st *store.Store, w *wake) (riverdriver.Driver[store.SQLTx], error) {
	if !st.Postgres() {
		return &wakeDriver{Driver: riversqlite.New(st.DB()), wake: w}, nil
	}
	pool, err := st.ListenPool(context.Background())
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	return riverdatabasesql.NewWithPgxListener(st.DB(), pool), nil
}

// completeTx marks the job completed in tx, with the store's driver.
func completeTx(ctx context.Context, st *store.Store, tx store.SQLTx, job *river.Job[Args]) error {
	var err error
	if st.Postgres() {
		_, err = river.JobCompleteTx[*riverdatabasesql.Driver](ctx, tx, job)
	} else {
		_, err = river.JobCompleteTx[*riversqlite.Driver](ctx, tx, job)
	}
	return err
}

// Migrate brings River's own tables up to date in the store's database.
func Migrate(ctx context.Context, st *store.Store) error {
	m, err := rivermigrate.New(driver(st), nil)
	if err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("migrate queue: %w", err)
	}
	return nil
}

// New makes a queue on the store's database. Migrate first.
func New(cfg Config) (*Queue, error) {
	if cfg.Retry <= 0 {
		cfg.Retry = 5 * time.Second
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 50 * time.Millisecond
		if cfg.Store.Postgres() {
			cfg.PollInterval = time.Second
		}
	}
	if cfg.WindowCheck <= 0 {
		cfg.WindowCheck = time.Minute
	}
	if cfg.MaxQueued <= 0 {
		cfg.MaxQueued = 1000
	}
	if cfg.JobTimeout <= 0 {
		cfg.JobTimeout = 10 * time.Minute
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	rc := &river.Config{
		Logger:            cfg.Logger,
		FetchPollInterval: cfg.PollInterval,
		// The least time between two fetches, however many notifications or freed workers ask
		// for one: short, so a worker that finishes takes the next job at once, and a
		// notification that comes just after a poll's fetch is not held back (a fetch within
		// the cooldown waits for its end: at 25 ms that held an idle SQLite server's
		// submissions 6 ms on average).
		FetchCooldown:        min(cfg.PollInterval/2, 5*time.Millisecond),
		JobTimeout:           cfg.JobTimeout,
		RescueStuckJobsAfter: cfg.JobTimeout + RescueMargin,
		// A server shut down gracefully finishes what it is judging for this long, then hands
		// the rest back to the queue.
		SoftStopTimeout: 30 * time.Second,
	}
	if cfg.Workers > 0 {
		workers := river.NewWorkers()
		if err := river.AddWorkerSafely(workers, &worker{cfg: cfg}); err != nil {
			return nil, err
		}
		if err := river.AddWorkerSafely(workers, &finishWorker{cfg: cfg}); err != nil {
			return nil, err
		}
		if err := river.AddWorkerSafely(workers, &windowsWorker{cfg: cfg}); err != nil {
			return nil, err
		}
		if err := river.AddWorkerSafely(workers, &complexityWorker{cfg: cfg}); err != nil {
			return nil, err
		}
		rc.PeriodicJobs = []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(cfg.WindowCheck),
			func() (river.JobArgs, *river.InsertOpts) { return WindowsArgs{}, nil }, &river.PeriodicJobOpts{RunOnStart: true})}
		rc.Workers = workers
		rc.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: cfg.Workers}}
	}
	drv := driver(cfg.Store)
	var w *wake
	if cfg.Workers > 0 {
		if !cfg.Store.Postgres() {
			w = newWake()
		}
		var err error
		if drv, err = workingDriver(cfg.Store, w); err != nil {
			return nil, err
		}
	}
	c, err := river.NewClient(drv, rc)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	return &Queue{client: c, store: cfg.Store, maxQueued: cfg.MaxQueued, wake: w}, nil
}

// Start starts the workers; their context is ctx.
func (q *Queue) Start(ctx context.Context) error { return q.client.Start(ctx) }

// Stop stops taking jobs and waits for the running ones (up to the soft-stop timeout, then they
// are cancelled and go back to the queue).
func (q *Queue) Stop(ctx context.Context) error { return q.client.Stop(ctx) }

// Submit stores r as a new queued submission and enqueues its job in one transaction, after
// checking in that transaction that the queue has room and the candidate has a submission left
// (max 0: no bound). On an error nothing is stored.
func (q *Queue) Submit(ctx context.Context, r *judge.Record, max int) error {
	return q.insertTx(ctx, func(tx *store.Tx) error {
		queued, err := tx.CountQueued(ctx)
		if err != nil {
			return err
		}
		if queued >= q.maxQueued {
			return fmt.Errorf("submit: %d submissions wait already: %w", queued, judge.ErrBusy)
		}
		if max > 0 {
			n, err := tx.CountRecords(ctx, r.CandidateID, r.Problem)
			if err != nil {
				return err
			}
			if n >= max {
				return fmt.Errorf("submit %s: %d of %d submissions used: %w", r.Problem, n, max, judge.ErrLimit)
			}
		}
		if err := tx.InsertRecord(ctx, r); err != nil {
			return err
		}
		if _, err := q.client.InsertTx(ctx, tx.SQL(), Args{SubmissionID: r.ID}, nil); err != nil {
			return fmt.Errorf("enqueue submission %s: %w", r.ID, err)
		}
		return nil
	})
}

// insertTx runs fn, which inserts jobs, in one transaction, and once it has committed wakes
// this process's workers if their database has no notifications of its own.
func (q *Queue) insertTx(ctx context.Context, fn func(tx *store.Tx) error) error {
	if err := q.store.InTx(ctx, fn); err != nil {
		return err
	}
	q.wake.raise()
	return nil
}

// Rejudge queues every submission of an assessment to a problem again (after a test was
// fixed): their results are cleared and a job per submission enqueued, in one transaction. It
// returns how many.
func (q *Queue) Rejudge(ctx context.Context, assessmentID, problem string) (int, error) {
	var n int
	err := q.insertTx(ctx, func(tx *store.Tx) error {
		ids, err := tx.RequeueRecords(ctx, assessmentID, problem)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := q.client.InsertTx(ctx, tx.SQL(), Args{SubmissionID: id}, nil); err != nil {
				return fmt.Errorf("enqueue submission %s: %w", id, err)
			}
		}
		n = len(ids)
		return nil
	})
	return n, err
}

// Finish records that the candidate is done and, when the assessment has a webhook and this is
// the first time, enqueues its delivery, in one transaction. It reports whether this call
// finished them.
func (q *Queue) Finish(ctx context.Context, a *judge.Assessment, c *judge.Candidate) (bool, error) {
	return finish(ctx, q.store, q.client, a, c, time.Now(), "done")
}

// finish records the candidate finished at at, for reason, and enqueues the webhook, once.
func finish(ctx context.Context, st *store.Store, client *river.Client[store.SQLTx], a *judge.Assessment, c *judge.Candidate, at time.Time, reason string) (bool, error) {
	var did bool
	err := st.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if did, err = tx.FinishCandidate(ctx, c.ID, at); err != nil || !did || a.WebhookURL == "" {
			return err
		}
		if _, err := client.InsertTx(ctx, tx.SQL(), FinishArgs{CandidateID: c.ID, Reason: reason}, nil); err != nil {
			return fmt.Errorf("enqueue finish webhook: %w", err)
		}
		return nil
	})
	return did, err
}

// WindowsArgs is the periodic job that finishes the candidates whose window has ended.
type WindowsArgs struct{}

// Kind names the job in River's tables.
func (WindowsArgs) Kind() string { return "judge_close_windows" }

// windowsWorker finishes, at the end of their window, every candidate whose window has ended
// without their saying they were done, so their webhook ("time_up") is sent too.
type windowsWorker struct {
	river.WorkerDefaults[WindowsArgs]
	cfg Config
}

func (w *windowsWorker) Work(ctx context.Context, job *river.Job[WindowsArgs]) error {
	client := river.ClientFromContext[store.SQLTx](ctx)
	cs, err := w.cfg.Store.UnfinishedCandidates(ctx)
	if err != nil {
		return err
	}
	now := time.Now()
	assessments := map[string]*judge.Assessment{}
	for _, c := range cs {
		a, ok := assessments[c.AssessmentID]
		if !ok {
			if a, err = w.cfg.Store.Assessment(ctx, c.AssessmentID); err != nil {
				return err
			}
			assessments[c.AssessmentID] = a
		}
		if _, ends := judge.Window(a, c); now.Before(ends) {
			continue
		} else if _, err := finish(ctx, w.cfg.Store, client, a, c, ends, "time_up"); err != nil {
			return err
		}
	}
	return nil
}

// finishWorker delivers a finish webhook: the candidate's best per problem, signed.
type finishWorker struct {
	river.WorkerDefaults[FinishArgs]
	cfg Config
}

func (w *finishWorker) Work(ctx context.Context, job *river.Job[FinishArgs]) error {
	if w.cfg.Deliver == nil {
		return river.JobCancel(errors.New("no webhook sender configured"))
	}
	c, err := w.cfg.Store.Candidate(ctx, job.Args.CandidateID)
	if errors.Is(err, judge.ErrNotFound) {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	a, err := w.cfg.Store.Assessment(ctx, c.AssessmentID)
	if err != nil {
		return err
	}
	recs, err := w.cfg.Store.Records(ctx, store.Filter{CandidateID: c.ID})
	if err != nil {
		return err
	}
	body, err := json.Marshal(judge.NewFinish(a, c, recs, job.Args.Reason))
	if err != nil {
		return river.JobCancel(err)
	}
	// The same key on every try: the receiver drops a delivery it has seen.
	if err := w.cfg.Deliver(ctx, a.WebhookURL, a.WebhookSecret, "finish-"+c.ID, body); err != nil {
		w.cfg.Logger.WarnContext(ctx, "webhook not delivered; will retry", "candidate", c.ID, "attempt", job.Attempt, "err", err)
		return err
	}
	return nil
}

// worker judges one submission.
type worker struct {
	river.WorkerDefaults[Args]
	cfg Config
}

func (w *worker) Work(ctx context.Context, job *river.Job[Args]) error {
	id := job.Args.SubmissionID
	r, err := w.cfg.Store.Record(ctx, id)
	if errors.Is(err, judge.ErrNotFound) {
		return river.JobCancel(err) // nothing to judge: never retried
	}
	if err != nil {
		return err
	}
	if r.State != judge.StateQueued {
		// Recorded already (a re-delivered job): complete the job, write nothing.
		return w.finish(ctx, job, nil, "", false, nil)
	}
	if n := cutShort(job); n >= MaxCutShort {
		// A submission whose judging took its process down each time would otherwise take
		// down every server that starts after it, for ever: record it as the judge's failure.
		msg := fmt.Sprintf("its judging was cut short %d times (the judging process died or hung while judging it), so it is not judged again; an internal error of the judge, not the candidate's", n)
		w.cfg.Logger.ErrorContext(ctx, "submission not judged", "submission", id, "cut_short", n)
		if err := w.finish(ctx, job, nil, msg, true, nil); err != nil {
			return err
		}
		w.cfg.Feed.Publish(id, judge.Progress{Final: true})
		return nil
	}
	st := judge.Stages{Queued: time.Since(r.Created)}
	rep, p, err := w.judge(ctx, r, &st)
	switch {
	case err == nil:
		recording := time.Now()
		var then river.JobArgs
		if w.cfg.wantsComplexity(p, rep) {
			then = ComplexityArgs{SubmissionID: id}
		}
		if err := w.finish(ctx, job, rep, "", true, then); err != nil {
			return err
		}
		st.Record = time.Since(recording)
		w.cfg.Feed.Publish(id, judge.Progress{Done: rep.Total, Total: rep.Total, Final: true})
		w.judged(rep, st)
		return nil
	case errors.Is(err, judge.ErrUnavailable):
		// Docker is away: the submission waits, queued, without using up an attempt.
		w.cfg.Logger.WarnContext(ctx, "judge unavailable: submission stays queued", "submission", id, "err", err)
		return river.JobSnooze(w.cfg.Retry)
	case errors.Is(err, judge.ErrBadInput), job.Attempt >= job.MaxAttempts:
		// Not judgeable (its problem is gone or broken), or the last try: record the failure,
		// which is never the candidate's.
		w.cfg.Logger.ErrorContext(ctx, "submission not judged", "submission", id, "err", err)
		recording := time.Now()
		if err := w.finish(ctx, job, nil, err.Error(), true, nil); err != nil {
			return err
		}
		st.Record = time.Since(recording)
		w.cfg.Feed.Publish(id, judge.Progress{Final: true})
		w.judged(nil, st)
		return nil
	}
	return err // River retries it later
}

// MaxCutShort is how many judgings of one submission may end with their process (kill -9, a
// crash, the host's OOM killer) before the submission is recorded as not judgeable.
const MaxCutShort = 3

// rescuedError is what River's rescuer records on a job whose worker stopped answering.
const rescuedError = "Stuck job rescued by JobRescuer"

// cutShort counts the earlier attempts of a job that ended without an outcome: River counts an
// attempt when a worker takes the job, records an error for each attempt that failed (a snooze
// gives its attempt back), and the rescuer records one for a job whose worker vanished. An
// attempt with no error recorded, before this one, is one whose process died (the next SQLite
// server requeues it at once, store.RequeueOrphans); a rescued one, one that died or hung.
func cutShort(job *river.Job[Args]) int {
	n := job.Attempt - 1 - len(job.Errors)
	for _, e := range job.Errors {
		if e.Error == rescuedError {
			n++
		}
	}
	return max(n, 0)
}

func (w *worker) judged(rep *judge.Report, st judge.Stages) {
	if w.cfg.Judged != nil {
		w.cfg.Judged(rep, st)
	}
}

// judge judges r, timing its preparation and its judging into st; it returns the problem as
// judged.
func (w *worker) judge(ctx context.Context, r *judge.Record, st *judge.Stages) (*judge.Report, *judge.Problem, error) {
	start := time.Now()
	p, err := w.cfg.Problem(ctx, r.Problem)
	if err != nil {
		return nil, nil, err
	}
	if p, err = w.cfg.Grader.Problem(ctx, p); err != nil {
		return nil, nil, err
	}
	judging := time.Now()
	st.Prepare = judging.Sub(start)
	defer func() { st.Judge = time.Since(judging) }()
	// Interviewers see everything; a candidate's view is redacted when it is read.
	rep, err := w.cfg.Grader.One(ctx, p, r.Submission, grade.Options{Reveal: true, Tested: func(done, total int, t judge.TestResult) {
		w.cfg.Feed.Publish(r.ID, judge.Progress{Done: done, Total: total, Test: &t})
	}})
	return rep, p, err
}

// finish writes the outcome (when write), enqueues the job that follows it (then, when not nil)
// and completes the job, in one transaction. It runs even when the worker's context is being
// cancelled: a judged result is worth keeping.
func (w *worker) finish(ctx context.Context, job *river.Job[Args], rep *judge.Report, failure string, write bool, then river.JobArgs) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	return w.cfg.Store.InTx(ctx, func(tx *store.Tx) error {
		if write {
			if err := tx.FinishRecord(ctx, job.Args.SubmissionID, rep, failure); err != nil {
				return err
			}
		}
		if then != nil {
			if _, err := river.ClientFromContext[store.SQLTx](ctx).InsertTx(ctx, tx.SQL(), then, nil); err != nil {
				return fmt.Errorf("enqueue %s for %s: %w", then.Kind(), job.Args.SubmissionID, err)
			}
		}
		return completeTx(ctx, w.cfg.Store, tx.SQL(), job)
	})
}

// Jobs counts the submission jobs by River state (available, running, completed, ...) and
// attempts made: what an operator or a test asks of the queue.
func (q *Queue) Jobs(ctx context.Context) (states map[string]int, attempts int, err error) {
	states = map[string]int{}
	params := river.NewJobListParams().Kinds(Args{}.Kind()).States(rivertype.JobStates()...).First(10_000)
	for {
		res, err := q.client.JobList(ctx, params)
		if err != nil {
			return nil, 0, fmt.Errorf("list jobs: %w", err)
		}
		for _, j := range res.Jobs {
			states[string(j.State)]++
			attempts += j.Attempt
		}
		if len(res.Jobs) < 10_000 {
			return states, attempts, nil
		}
		params = params.After(res.LastCursor)
	}
}

// UI is River's own web UI (riverqueue.com/riverui) on this queue, to be served under prefix
// behind the interviewers' auth: jobs by state, their errors and attempts, queues (pause,
// resume), retry and cancel. It works until ctx is done. (It is the one place this package
// touches net/http: the UI is River's, and its handler is what it hands over.)
func (q *Queue) UI(ctx context.Context, prefix string, log *slog.Logger) (http.Handler, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	h, err := riverui.NewHandler(&riverui.HandlerOpts{
		Endpoints:                riverui.NewEndpoints(q.client, nil),
		JobListHideArgsByDefault: false, // a job's arguments are a submission id, nothing more
		Logger:                   log,
		Prefix:                   prefix,
	})
	if err != nil {
		return nil, fmt.Errorf("queue UI: %w", err)
	}
	if err := h.Start(ctx); err != nil {
		return nil, fmt.Errorf("queue UI: %w", err)
	}
	return h, nil
}
