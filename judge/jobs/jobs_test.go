package jobs_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/complexity"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/jobs"
	"github.com/judge-dev/judge/judge/judgetest"
	"github.com/judge-dev/judge/judge/store"
	"github.com/judge-dev/judge/judge/store/pgtest"
)

// flaky is the shared fake sandbox, unavailable while down is set (Docker gone).
type flaky struct {
	judgetest.Sandbox
	down atomic.Bool
	runs atomic.Int32
}

func (f *flaky) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	f.runs.Add(1)
	if f.down.Load() {
		return judge.RunInfo{}, fmt.Errorf("docker: no answer: %w", judge.ErrUnavailable)
	}
	return f.Sandbox.Run(ctx, job, each)
}

func problem() *judge.Problem {
	p := &judge.Problem{ID: "echo", Mode: judge.Stdio, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1}}
	p.Tests = []judge.Test{
		{Name: "sample/1", Group: "sample", Sample: true, Input: []byte("1"), Answer: []byte("ok")},
		{Name: "secret/1", Group: "secret", Input: []byte("2"), Answer: []byte("ok")},
	}
	return p
}

type env struct {
	store *store.Store
	queue *jobs.Queue
	sb    *flaky
	rec   func(problem, src string) *judge.Record
}

var pg pgtest.Shared

func TestMain(m *testing.M) { os.Exit(pg.Run(m)) }

// onEachDatabase runs the test on a new SQLite file (River's SQLite driver) and on a new
// PostgreSQL database (River's database/sql driver over pgx).
func onEachDatabase(t *testing.T, test func(t *testing.T, dsn string)) {
	t.Run("sqlite", func(t *testing.T) { test(t, filepath.Join(t.TempDir(), "judge.db")) })
	t.Run("postgres", func(t *testing.T) { test(t, pg.Database(t)) })
}

func setup(t *testing.T, dsn string) *env {
	t.Helper()
	return setupPolling(t, dsn, 20*time.Millisecond)
}

// setupPolling is setup with workers that look for jobs every poll when nothing wakes them.
func setupPolling(t *testing.T, dsn string, poll time.Duration) *env {
	t.Helper()
	return setupWith(t, dsn, func(c *jobs.Config) { c.PollInterval = poll })
}

// setupWith is setup with the queue's configuration changed by tweak before it starts.
func setupWith(t *testing.T, dsn string, tweak func(*jobs.Config)) *env {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	require.NoError(t, jobs.Migrate(ctx, st))
	sb := &flaky{Sandbox: judgetest.Sandbox{Exec: func(job judge.Job, _ [][]byte) (judge.Execution, bool) {
		out := "no"
		if string(job.Source) == "print('ok')\n" {
			out = "ok"
		}
		return judge.Execution{Status: judge.StatusOK, CPU: time.Millisecond, Output: []byte(out)}, true
	}}}
	cfg := jobs.Config{
		Store:  st,
		Grader: &grade.Grader{Sandbox: sb, Parallel: 1},
		Problem: func(_ context.Context, id string) (*judge.Problem, error) {
			if id != "echo" {
				return nil, fmt.Errorf("problem %s: no such problem: %w", id, judge.ErrBadInput)
			}
			return problem(), nil
		},
		Workers:      2,
		Retry:        50 * time.Millisecond,
		PollInterval: 20 * time.Millisecond,
	}
	tweak(&cfg)
	q, err := jobs.New(cfg)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(ctx)
	require.NoError(t, q.Start(ctx))
	t.Cleanup(func() {
		stopCtx, stop := context.WithTimeout(context.Background(), 10*time.Second)
		defer stop()
		assert.NoError(t, q.Stop(stopCtx))
		cancel()
	})
	a := &judge.Assessment{Name: "a", Problems: []string{"echo"}, Opens: time.Now().Add(-time.Hour), Closes: time.Now().Add(time.Hour), Policy: judge.PolicySamples}
	require.NoError(t, st.CreateAssessment(ctx, a))
	c := &judge.Candidate{AssessmentID: a.ID, Name: "c"}
	require.NoError(t, st.CreateCandidate(ctx, c, []byte("h")))
	return &env{store: st, queue: q, sb: sb, rec: func(problem, src string) *judge.Record {
		return &judge.Record{AssessmentID: a.ID, CandidateID: c.ID, Problem: problem, Submission: judge.Submission{Filename: "s.py", Source: []byte(src)}}
	}}
}

// wait polls the submission until it leaves the queue, or fails the test at the deadline.
func wait(t *testing.T, st *store.Store, id string) *judge.Record {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		r, err := st.Record(context.Background(), id)
		require.NoError(t, err)
		if r.State != judge.StateQueued {
			return r
		}
		require.True(t, time.Now().Before(deadline), "submission %s still queued at the deadline", id)
		time.Sleep(10 * time.Millisecond)
	}
}

// An insert wakes an idle worker: with a poll of an hour, a submission is judged only if the
// notification River sends in the inserting transaction reaches the worker (PostgreSQL's
// LISTEN on the store's listen pool; River's notification table on SQLite).
func TestInsertWakesTheWorkers(t *testing.T) {
	onEachDatabase(t, func(t *testing.T, dsn string) {
		e := setupPolling(t, dsn, time.Hour)
		ctx := context.Background()
		// The first may be found by the workers' first fetch; once it is judged they are
		// listening (River LISTENs before its first fetch), and the second has only the
		// notification to wake them.
		for i := 0; i < 2; i++ {
			r := e.rec("echo", "print('ok')\n")
			require.NoError(t, e.queue.Submit(ctx, r, 0))
			got := wait(t, e.store, r.ID)
			require.Equal(t, judge.StateDone, got.State, "submission %d", i)
		}
	})
}

func TestSubmissionsAreJudgedAndRecorded(t *testing.T) {
	onEachDatabase(t, testSubmissionsAreJudgedAndRecorded)
}

func testSubmissionsAreJudgedAndRecorded(t *testing.T, dsn string) {
	e := setup(t, dsn)
	ctx := context.Background()
	right, wrong := e.rec("echo", "print('ok')\n"), e.rec("echo", "print('no')\n")
	require.NoError(t, e.queue.Submit(ctx, right, 0))
	require.NoError(t, e.queue.Submit(ctx, wrong, 0))

	r := wait(t, e.store, right.ID)
	assert.Equal(t, judge.StateDone, r.State)
	assert.Equal(t, judge.Accepted, r.Report.Verdict)
	w := wait(t, e.store, wrong.ID)
	assert.Equal(t, judge.WrongAnswer, w.Report.Verdict)
	require.NotNil(t, w.Report.Tests[1].Expected, "the stored report is revealed, for interviewers")
	assert.Equal(t, int32(2), e.sb.runs.Load(), "each submission judged once")
	deadline := time.Now().Add(30 * time.Second)
	for {
		states, attempts, err := e.queue.Jobs(ctx)
		require.NoError(t, err)
		if states["completed"] == 2 {
			assert.Equal(t, map[string]int{"completed": 2}, states)
			assert.Equal(t, 2, attempts)
			break
		}
		require.True(t, time.Now().Before(deadline), "jobs not completed: %v", states)
		time.Sleep(10 * time.Millisecond)
	}
}

// With Complexity, an accepted or TLE submission to a problem with a size ladder gets its growth
// class and the reference's added to its report after the verdict, by a job of its own; a wrong
// one gets none.
func TestComplexityIsAddedAfterTheVerdict(t *testing.T) {
	onEachDatabase(t, func(t *testing.T, dsn string) {
		laddered := func() *judge.Problem {
			p := problem()
			p.Ladder = &judge.Ladder{Good: "n", Naive: "n^2", Repeats: 1}
			for n := 100; n <= 1600; n *= 2 {
				p.Ladder.Rungs = append(p.Ladder.Rungs, judge.Rung{N: n, Input: []byte(fmt.Sprint(n))})
			}
			p.Submissions = []judge.PackageSubmission{{Path: "submissions/accepted/ref.py", Expected: judge.Accepted, Source: []byte("print('ok')\n")}}
			return p
		}
		e := setupWith(t, dsn, func(c *jobs.Config) {
			c.Complexity = true
			c.Problem = func(context.Context, string) (*judge.Problem, error) { return laddered(), nil }
			// A rung of size n takes n µs for the reference, n²/100 µs for "# quadratic".
			c.Grader.Sandbox = &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
				var n int
				fmt.Sscan(string(frames[0]), &n)
				cpu := time.Duration(n) * time.Microsecond
				if strings.Contains(string(job.Source), "# quadratic") {
					cpu = time.Duration(n*n/100) * time.Microsecond
				}
				out := "no"
				if strings.Contains(string(job.Source), "print('ok')") {
					out = "ok"
				}
				return judge.Execution{Status: judge.StatusOK, CPU: cpu, Output: []byte(out)}, true
			}}
		})
		ctx := context.Background()
		slow, wrong := e.rec("echo", "# quadratic\nprint('ok')\n"), e.rec("echo", "print('no')\n")
		require.NoError(t, e.queue.Submit(ctx, slow, 0))
		require.NoError(t, e.queue.Submit(ctx, wrong, 0))
		assert.Equal(t, judge.WrongAnswer, wait(t, e.store, wrong.ID).Report.Verdict)
		r := wait(t, e.store, slow.ID)
		require.Equal(t, judge.Accepted, r.Report.Verdict)
		deadline := time.Now().Add(30 * time.Second)
		for r.Report.Complexity == nil {
			require.True(t, time.Now().Before(deadline), "no complexity added to the accepted submission's report")
			time.Sleep(20 * time.Millisecond)
			var err error
			r, err = e.store.Record(ctx, slow.ID)
			require.NoError(t, err)
		}
		require.NotNil(t, r.Report.Complexity.Fit, "%+v", r.Report.Complexity)
		assert.Equal(t, complexity.Quadratic, r.Report.Complexity.Fit.Class)
		require.NotNil(t, r.Report.Ladder)
		assert.Equal(t, []int{100, 200, 400, 800, 1600}, r.Report.Ladder.Sizes)
		require.NotNil(t, r.Report.Ladder.Reference)
		require.NotNil(t, r.Report.Ladder.Reference.Fit)
		assert.Equal(t, complexity.Linear, r.Report.Ladder.Reference.Fit.Class)
		require.NotNil(t, r.Report.Complexity.Versus, "set against the reference (Grader.Beside)")
		assert.True(t, r.Report.Complexity.Versus.Worse, "n² beside n: %s", r.Report.Complexity.Versus)
		assert.Equal(t, judge.Accepted, r.Report.Verdict, "the verdict is untouched")
		w, err := e.store.Record(ctx, wrong.ID)
		require.NoError(t, err)
		assert.Nil(t, w.Report.Complexity, "a wrong answer is not measured")
	})
}

func TestSubmitBoundsSubmissionsAndStoresNothingOver(t *testing.T) {
	onEachDatabase(t, testSubmitBoundsSubmissionsAndStoresNothingOver)
}

func testSubmitBoundsSubmissionsAndStoresNothingOver(t *testing.T, dsn string) {
	e := setup(t, dsn)
	ctx := context.Background()
	require.NoError(t, e.queue.Submit(ctx, e.rec("echo", "print('ok')\n"), 1))
	over := e.rec("echo", "print('ok')\n")
	err := e.queue.Submit(ctx, over, 1)
	require.ErrorIs(t, err, judge.ErrLimit)
	all, err := e.store.Records(ctx, store.Filter{})
	require.NoError(t, err)
	assert.Len(t, all, 1)
}

// While Docker is away a submission stays queued, never failed; it is judged when it is back.
func TestUnavailableJudgeLeavesSubmissionQueued(t *testing.T) {
	onEachDatabase(t, testUnavailableJudgeLeavesSubmissionQueued)
}

func testUnavailableJudgeLeavesSubmissionQueued(t *testing.T, dsn string) {
	e := setup(t, dsn)
	ctx := context.Background()
	e.sb.down.Store(true)
	r := e.rec("echo", "print('ok')\n")
	require.NoError(t, e.queue.Submit(ctx, r, 0))
	deadline := time.Now().Add(30 * time.Second)
	for e.sb.runs.Load() < 2 {
		require.True(t, time.Now().Before(deadline), "the job was not retried")
		time.Sleep(10 * time.Millisecond)
	}
	got, err := e.store.Record(ctx, r.ID)
	require.NoError(t, err)
	assert.Equal(t, judge.StateQueued, got.State, "tried twice, still queued")
	e.sb.down.Store(false)
	got = wait(t, e.store, r.ID)
	assert.Equal(t, judge.StateDone, got.State)
	assert.Equal(t, judge.Accepted, got.Report.Verdict)
}

func TestUnjudgeableSubmissionFailsWithoutBlame(t *testing.T) {
	onEachDatabase(t, testUnjudgeableSubmissionFailsWithoutBlame)
}

func testUnjudgeableSubmissionFailsWithoutBlame(t *testing.T, dsn string) {
	e := setup(t, dsn)
	r := e.rec("gone", "print('ok')\n")
	require.NoError(t, e.queue.Submit(context.Background(), r, 0))
	got := wait(t, e.store, r.ID)
	assert.Equal(t, judge.StateFailed, got.State)
	assert.Contains(t, got.Error, "no such problem")
	assert.Nil(t, got.Report)
}

func TestSubmitRefusesWhenTheQueueIsFull(t *testing.T) {
	onEachDatabase(t, testSubmitRefusesWhenTheQueueIsFull)
}

func testSubmitRefusesWhenTheQueueIsFull(t *testing.T, dsn string) {
	e := setup(t, dsn)
	ctx := context.Background()
	e.sb.down.Store(true) // nothing leaves the queue
	q, err := jobs.New(jobs.Config{Store: e.store, MaxQueued: 2})
	require.NoError(t, err)
	require.NoError(t, q.Submit(ctx, e.rec("echo", "print('ok')\n"), 0))
	require.NoError(t, q.Submit(ctx, e.rec("echo", "print('ok')\n"), 0))
	require.ErrorIs(t, q.Submit(ctx, e.rec("echo", "print('ok')\n"), 0), judge.ErrBusy)
	all, err := e.store.Records(ctx, store.Filter{})
	require.NoError(t, err)
	assert.Len(t, all, 2, "nothing stored beyond the bound")
}

// TestOrphanedJudgingIsRequeuedByTheNextClaim: a server that died mid-judging leaves its job
// running; the next server on the database claims it (a second claim is refused while the first
// is held), queues that job again at once, and judges it: one result, no wait for River's
// rescue after the job timeout.
func TestOrphanedJudgingIsRequeuedByTheNextClaim(t *testing.T) {
	got, judged := orphan(t, 1)
	assert.Equal(t, judge.StateDone, got.State, got.Error)
	assert.Positive(t, judged)
}

// A submission whose judging died with its process twice is judged again; one that did so
// jobs.MaxCutShort times (it kills every server that takes it up) is recorded as the judge's
// failure, never the candidate's, without being judged again: no loop of crashes at every start.
func TestSubmissionThatKeepsKillingTheJudgeIsNotJudgedForEver(t *testing.T) {
	got, judged := orphan(t, jobs.MaxCutShort-1)
	assert.Equal(t, judge.StateDone, got.State, got.Error)
	assert.Positive(t, judged)

	got, judged = orphan(t, jobs.MaxCutShort)
	assert.Equal(t, judge.StateFailed, got.State)
	assert.Contains(t, got.Error, fmt.Sprintf("cut short %d times", jobs.MaxCutShort))
	assert.Contains(t, got.Error, "not the candidate's")
	assert.Zero(t, judged, "not judged again")
}

// orphan leaves a submission's job as a server killed during its attempt-th judging leaves it
// (running, with no error recorded for any attempt), starts the next server on the database,
// and returns the submission once recorded and how many tests the sandbox ran for it.
func orphan(t *testing.T, attempt int) (*judge.Record, int) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "judge.db")
	dead, err := store.OpenClaimed(ctx, path)
	require.NoError(t, err)
	require.NoError(t, jobs.Migrate(ctx, dead))
	insert, err := jobs.New(jobs.Config{Store: dead}) // insert-only
	require.NoError(t, err)
	a := &judge.Assessment{Name: "a", Problems: []string{"echo"}, Opens: time.Now().Add(-time.Hour), Closes: time.Now().Add(time.Hour), Policy: judge.PolicySamples}
	require.NoError(t, dead.CreateAssessment(ctx, a))
	c := &judge.Candidate{AssessmentID: a.ID, Name: "c"}
	require.NoError(t, dead.CreateCandidate(ctx, c, []byte("h")))
	r := &judge.Record{AssessmentID: a.ID, CandidateID: c.ID, Problem: "echo", Submission: judge.Submission{Filename: "s.py", Source: []byte("print('ok')\n")}}
	require.NoError(t, insert.Submit(ctx, r, 0))
	// What a worker that was then killed leaves: its job running, attempted that many times.
	_, err = dead.DB().ExecContext(ctx, `UPDATE river_job SET state = 'running', attempt = ?, attempted_at = datetime('now')`, attempt)
	require.NoError(t, err)

	_, err = store.OpenClaimed(ctx, path)
	require.ErrorIs(t, err, store.ErrClaimed, "a second server on a claimed database is refused")
	reader, err := store.Open(ctx, path) // unclaimed: a reader, as the kill -9 test's
	require.NoError(t, err)
	_, err = reader.RequeueOrphans(ctx)
	require.Error(t, err, "requeueing without the claim could take a live server's jobs")
	require.NoError(t, reader.Close())
	require.NoError(t, dead.Close()) // the kernel drops a dead process's lock the same way

	next, err := store.OpenClaimed(ctx, path)
	require.NoError(t, err)
	defer next.Close()
	n, err := next.RequeueOrphans(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	var judged atomic.Int32
	q, err := jobs.New(jobs.Config{
		Store: next,
		Grader: &grade.Grader{Sandbox: &judgetest.Sandbox{Exec: func(judge.Job, [][]byte) (judge.Execution, bool) {
			judged.Add(1)
			return judge.Execution{Status: judge.StatusOK, CPU: time.Millisecond, Output: []byte("ok")}, true
		}}, Parallel: 1},
		Problem: func(context.Context, string) (*judge.Problem, error) { return problem(), nil },
		Workers: 1, PollInterval: 20 * time.Millisecond,
		JobTimeout: time.Hour, // River's rescuer would wait this long (+ margin) for a running job
	})
	require.NoError(t, err)
	qctx, cancel := context.WithCancel(ctx)
	defer cancel()
	require.NoError(t, q.Start(qctx))
	defer func() {
		stopCtx, stop := context.WithTimeout(ctx, 10*time.Second)
		defer stop()
		assert.NoError(t, q.Stop(stopCtx))
	}()
	return wait(t, next, r.ID), int(judged.Load())
}
