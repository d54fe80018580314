package jobs

import (
	"context"
	"errors"
	"fmt"

	"github.com/riverqueue/river"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/store"
)

// ComplexityArgs are a complexity job's arguments: a judged submission whose growth class is
// to be estimated on its problem's size ladder (Config.Complexity).
type ComplexityArgs struct {
	SubmissionID string `json:"submission_id"`
}

// Kind names the job in River's tables.
func (ComplexityArgs) Kind() string { return "judge_complexity" }

// InsertOpts: after every waiting judging (the lowest priority: a candidate waits for a
// verdict, nobody waits for this), and tried a few times at most.
func (ComplexityArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Priority: 4, MaxAttempts: 3}
}

// wantsComplexity says whether a judging's outcome gets a complexity job.
func (c *Config) wantsComplexity(p *judge.Problem, rep *judge.Report) bool {
	return c.Complexity && p.Ladder != nil && judge.Measured(rep.Verdict)
}

type complexityWorker struct {
	river.WorkerDefaults[ComplexityArgs]
	cfg Config
}

// Work climbs the ladder with the submission and the ladder's reference (grade.Beside) and adds
// both estimates to the submission's report.
func (w *complexityWorker) Work(ctx context.Context, job *river.Job[ComplexityArgs]) error {
	id := job.Args.SubmissionID
	r, err := w.cfg.Store.Record(ctx, id)
	if errors.Is(err, judge.ErrNotFound) {
		return river.JobCancel(err)
	}
	if err != nil {
		return err
	}
	if r.State != judge.StateDone || r.Report == nil || !judge.Measured(r.Report.Verdict) {
		return nil // judged again since, or no longer measured: nothing to add
	}
	p, err := w.cfg.Problem(ctx, r.Problem)
	if err != nil {
		return river.JobCancel(err)
	}
	if p, err = w.cfg.Grader.Problem(ctx, p); err != nil {
		return err
	}
	if p.Ladder == nil {
		return nil
	}
	// One after the other: this job holds one worker slot, one sandbox.
	c, l, err := w.cfg.Grader.Beside(ctx, p, r.Submission, 0, 1)
	if err != nil {
		return w.retry(ctx, job, err)
	}
	return w.cfg.Store.InTx(ctx, func(tx *store.Tx) error { return tx.SetComplexity(ctx, id, c, l) })
}

// retry: Docker away waits without using up an attempt, like a judging; anything else is
// River's to retry.
func (w *complexityWorker) retry(ctx context.Context, job *river.Job[ComplexityArgs], err error) error {
	if errors.Is(err, judge.ErrUnavailable) {
		w.cfg.Logger.WarnContext(ctx, "judge unavailable: complexity estimate waits", "submission", job.Args.SubmissionID, "err", err)
		return river.JobSnooze(w.cfg.Retry)
	}
	return fmt.Errorf("complexity of %s: %w", job.Args.SubmissionID, err)
}
