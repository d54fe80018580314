package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/store"
)

func open(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "judge.db")
	s, err := store.Open(context.Background(), path)
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s, path
}

// onEachDatabase runs the test on a new SQLite file and on a new PostgreSQL database.
func onEachDatabase(t *testing.T, test func(t *testing.T, s *store.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		s, _ := open(t)
		test(t, s)
	})
	t.Run("postgres", func(t *testing.T) {
		s, err := store.Open(context.Background(), store.PG.Database(t))
		require.NoError(t, err)
		t.Cleanup(func() { s.Close() })
		test(t, s)
	})
}

func assessment() *judge.Assessment {
	now := time.Now().UTC()
	return &judge.Assessment{Name: "Backend take-home", Problems: []string{"two-sum", "fibonacci"}, Opens: now.Add(-time.Hour),
		Closes: now.Add(time.Hour), Allowance: 90 * time.Minute, MaxSubmissions: 3, Policy: judge.PolicySamples}
}

func TestOpenMigratesOnceAndSetsPragmas(t *testing.T) {
	ctx := context.Background()
	s, path := open(t)
	v, err := s.Version(ctx)
	require.NoError(t, err)
	assert.Equal(t, 6, v, "every migration applied")
	var mode string
	var fk int
	require.NoError(t, s.DB().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
	require.NoError(t, s.DB().QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk))
	assert.Equal(t, "wal", mode)
	assert.Equal(t, 1, fk)
	require.NoError(t, s.CreateAssessment(ctx, assessment()))
	require.NoError(t, s.Close())

	// Opening again applies nothing twice and keeps the data.
	s2, err := store.Open(ctx, path)
	require.NoError(t, err)
	defer s2.Close()
	list, err := s2.Assessments(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 1)
}

func TestAssessmentsAndCandidates(t *testing.T) { onEachDatabase(t, testAssessmentsAndCandidates) }

func testAssessmentsAndCandidates(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := assessment()
	require.NoError(t, s.CreateAssessment(ctx, a))
	require.NotEmpty(t, a.ID)
	got, err := s.Assessment(ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, a.Problems, got.Problems, "problems keep their order")
	assert.Equal(t, a.Allowance, got.Allowance)
	assert.True(t, a.Opens.Truncate(time.Millisecond).Equal(got.Opens))
	assert.Equal(t, judge.PolicySamples, got.Policy)

	bad := assessment()
	bad.Policy = "everything"
	assert.ErrorIs(t, s.CreateAssessment(ctx, bad), judge.ErrBadInput)

	_, err = s.Assessment(ctx, "nope")
	assert.ErrorIs(t, err, judge.ErrNotFound)

	c := &judge.Candidate{AssessmentID: a.ID, Name: "Ada", Email: "ada@example.com"}
	require.NoError(t, s.CreateCandidate(ctx, c, []byte("hash-1")))
	byTok, err := s.CandidateByToken(ctx, []byte("hash-1"))
	require.NoError(t, err)
	assert.Equal(t, c.ID, byTok.ID)
	assert.True(t, byTok.Started.IsZero())

	started, err := s.StartCandidate(ctx, c.ID)
	require.NoError(t, err)
	require.False(t, started.Started.IsZero())
	again, err := s.StartCandidate(ctx, c.ID)
	require.NoError(t, err)
	assert.Equal(t, started.Started, again.Started, "the clock starts once")

	require.NoError(t, s.RevokeCandidate(ctx, c.ID))
	byTok, err = s.CandidateByToken(ctx, []byte("hash-1"))
	require.NoError(t, err)
	assert.True(t, byTok.Revoked)
	require.NoError(t, s.ReissueToken(ctx, c.ID, []byte("hash-2")))
	_, err = s.CandidateByToken(ctx, []byte("hash-1"))
	assert.ErrorIs(t, err, judge.ErrNotFound, "the old link is dead")
	byTok, err = s.CandidateByToken(ctx, []byte("hash-2"))
	require.NoError(t, err)
	assert.False(t, byTok.Revoked)

	assert.ErrorIs(t, s.RevokeCandidate(ctx, "nope"), judge.ErrNotFound)
	// Foreign keys are on: a candidate of no assessment is refused.
	assert.Error(t, s.CreateCandidate(ctx, &judge.Candidate{AssessmentID: "nope", Name: "x"}, []byte("h3")))
}

func TestSubmissionLifecycle(t *testing.T) { onEachDatabase(t, testSubmissionLifecycle) }

func testSubmissionLifecycle(t *testing.T, s *store.Store) {
	ctx := context.Background()
	a := assessment()
	require.NoError(t, s.CreateAssessment(ctx, a))
	c := &judge.Candidate{AssessmentID: a.ID, Name: "Ada"}
	require.NoError(t, s.CreateCandidate(ctx, c, []byte("h")))

	r := &judge.Record{AssessmentID: a.ID, CandidateID: c.ID, Problem: "two-sum", Submission: judge.Submission{Filename: "s.py", Source: []byte("print(1)\n")}}
	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error {
		n, err := tx.CountRecords(ctx, c.ID, "two-sum")
		require.NoError(t, err)
		assert.Zero(t, n)
		return tx.InsertRecord(ctx, r)
	}))
	got, err := s.Record(ctx, r.ID)
	require.NoError(t, err)
	assert.Equal(t, judge.StateQueued, got.State)
	assert.Equal(t, "print(1)\n", string(got.Submission.Source))

	// A transaction that fails stores nothing.
	boom := errors.New("boom")
	err = s.InTx(ctx, func(tx *store.Tx) error {
		require.NoError(t, tx.InsertRecord(ctx, &judge.Record{AssessmentID: a.ID, CandidateID: c.ID, Problem: "two-sum", Submission: r.Submission}))
		return boom
	})
	assert.ErrorIs(t, err, boom)
	list, err := s.Records(ctx, store.Filter{CandidateID: c.ID})
	require.NoError(t, err)
	assert.Len(t, list, 1)

	rep := &judge.Report{Problem: "two-sum", Verdict: judge.WrongAnswer, Passed: 1, Total: 2, Score: 0.5,
		Tests: []judge.TestResult{{Name: "secret/1", Verdict: judge.WrongAnswer}}}
	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error { return tx.FinishRecord(ctx, r.ID, rep, "") }))
	got, err = s.Record(ctx, r.ID)
	require.NoError(t, err)
	assert.Equal(t, judge.StateDone, got.State)
	require.NotNil(t, got.Report)
	assert.Equal(t, judge.WrongAnswer, got.Report.Verdict)
	assert.Equal(t, "secret/1", got.Report.Tests[0].Name)
	assert.False(t, got.Finished.IsZero())

	require.NoError(t, s.InTx(ctx, func(tx *store.Tx) error { return tx.FinishRecord(ctx, r.ID, nil, "docker gone") }))
	got, err = s.Record(ctx, r.ID)
	require.NoError(t, err)
	assert.Equal(t, judge.StateFailed, got.State)
	assert.Equal(t, "docker gone", got.Error)

	list, err = s.Records(ctx, store.Filter{AssessmentID: a.ID, Problem: "fibonacci"})
	require.NoError(t, err)
	assert.Empty(t, list)
}

func TestInterviewerTokens(t *testing.T) { onEachDatabase(t, testInterviewerTokens) }

func testInterviewerTokens(t *testing.T, s *store.Store) {
	ctx := context.Background()
	n, err := s.AdminTokens(ctx)
	require.NoError(t, err)
	assert.Zero(t, n)
	first := &judge.Token{Name: "first", Scope: judge.ScopeAdmin}
	require.NoError(t, s.AddToken(ctx, first, []byte("h1")))
	got, err := s.TokenByHash(ctx, []byte("h1"))
	require.NoError(t, err)
	assert.Equal(t, first.ID, got.ID)
	_, err = s.TokenByHash(ctx, []byte("other"))
	assert.ErrorIs(t, err, judge.ErrNotFound)

	assert.ErrorIs(t, s.RevokeToken(ctx, first.ID), judge.ErrLastAdmin, "the last admin token stays")
	reader := &judge.Token{Name: "ats", Scope: judge.ScopeRead}
	require.NoError(t, s.AddToken(ctx, reader, []byte("h2")))
	require.NoError(t, s.RevokeToken(ctx, reader.ID))
	got, err = s.TokenByHash(ctx, []byte("h2"))
	require.NoError(t, err)
	assert.True(t, got.Revoked)
	second := &judge.Token{Name: "second", Scope: judge.ScopeAdmin}
	require.NoError(t, s.AddToken(ctx, second, []byte("h3")))
	require.NoError(t, s.RevokeToken(ctx, first.ID), "another admin token stands")
	assert.ErrorIs(t, s.RevokeToken(ctx, "nope"), judge.ErrNotFound)
	list, err := s.Tokens(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 3)
}

func TestDrafts(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	a := assessment()
	require.NoError(t, s.CreateAssessment(ctx, a))
	c := &judge.Candidate{AssessmentID: a.ID, Name: "Ada"}
	require.NoError(t, s.CreateCandidate(ctx, c, []byte("h")))

	_, ok, err := s.Draft(ctx, c.ID, "two-sum")
	require.NoError(t, err)
	assert.False(t, ok, "no draft before one is saved")
	require.NoError(t, s.SaveDraft(ctx, c.ID, "two-sum", []byte("def f(): pass\n")))
	require.NoError(t, s.SaveDraft(ctx, c.ID, "two-sum", []byte("def f(): return 1\n")))
	src, ok, err := s.Draft(ctx, c.ID, "two-sum")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, "def f(): return 1\n", string(src), "the last save wins")
	_, ok, err = s.Draft(ctx, c.ID, "fibonacci")
	require.NoError(t, err)
	assert.False(t, ok, "drafts are per problem")
	assert.Error(t, s.SaveDraft(ctx, "nope", "two-sum", []byte("x")), "a draft of no candidate is refused")
}

func TestUpdateAssessment(t *testing.T) {
	ctx := context.Background()
	s, _ := open(t)
	a := assessment()
	require.NoError(t, s.CreateAssessment(ctx, a))
	a.Name, a.Closes, a.MaxSubmissions, a.Policy = "Renamed", a.Closes.Add(time.Hour), 3, judge.PolicyScore
	require.NoError(t, s.UpdateAssessment(ctx, a))
	got, err := s.Assessment(ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, "Renamed", got.Name)
	assert.Equal(t, a.Closes.UnixMilli(), got.Closes.UnixMilli())
	assert.Equal(t, 3, got.MaxSubmissions)
	assert.Equal(t, judge.PolicyScore, got.Policy)
	assert.Equal(t, a.Problems, got.Problems, "problems stay")

	a.Closes = a.Opens.Add(-time.Hour)
	assert.ErrorIs(t, s.UpdateAssessment(ctx, a), judge.ErrBadInput, "a window that closes before it opens is refused")
	a.ID = "nope"
	a.Closes = a.Opens.Add(time.Hour)
	assert.ErrorIs(t, s.UpdateAssessment(ctx, a), judge.ErrNotFound)
}

// The database's own counters: two readings around some writes differ by at least those
// writes; SQLite has none and says so.
func TestDBStats(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.PG.Database(t))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	before, err := s.DBStats(ctx)
	require.NoError(t, err)
	for range 3 {
		require.NoError(t, s.CreateAssessment(ctx, assessment()))
	}
	var d store.DBStats
	// A backend reports its counters when its transactions end, at most every second or so.
	require.Eventually(t, func() bool {
		after, err := s.DBStats(ctx)
		require.NoError(t, err)
		d = after.Sub(before)
		return d.Inserted >= 3 && d.Commits >= 3
	}, 10*time.Second, 100*time.Millisecond, "3 assessments inserted, counters moved by %+v", d)
	assert.Positive(t, d.WALBytes, "the inserts wrote WAL")

	lite, _ := open(t)
	_, err = lite.DBStats(ctx)
	assert.ErrorContains(t, err, "only a PostgreSQL database")
}

// The statement counters name each statement with its calls and rows, for this database only.
func TestStatements(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.PG.Database(t))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	require.NoError(t, s.TrackStatements(ctx))
	for range 3 {
		require.NoError(t, s.CreateAssessment(ctx, assessment()))
	}
	sts, err := s.Statements(ctx)
	require.NoError(t, err)
	var insert *store.Statement
	for i, st := range sts {
		if strings.HasPrefix(st.Query, "INSERT INTO assessments ") {
			insert = &sts[i]
		}
		assert.NotContains(t, st.Query, "Backend take-home", "constants are replaced by $n")
	}
	require.NotNil(t, insert, "%+v", sts)
	assert.Equal(t, int64(3), insert.Calls)
	assert.Equal(t, int64(3), insert.Rows)
	assert.Positive(t, insert.WALBytes)

	lite, _ := open(t)
	assert.ErrorContains(t, lite.TrackStatements(ctx), "only a PostgreSQL database")
}

// The rate limit is the database's: burst at once, then one per interval, whichever server
// (store handle) asks, and concurrent takes from two servers at one instant let exactly burst go.
func TestTakeRate(t *testing.T) {
	for _, db := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "judge.db") }},
		{"postgres", func(t *testing.T) string { return store.PG.Database(t) }},
	} {
		t.Run(db.name, func(t *testing.T) {
			ctx := context.Background()
			dsn := db.dsn(t)
			var servers [2]*store.Store
			for i := range servers {
				s, err := store.Open(ctx, dsn)
				require.NoError(t, err)
				t.Cleanup(func() { s.Close() })
				servers[i] = s
			}
			a := assessment()
			require.NoError(t, servers[0].CreateAssessment(ctx, a))
			var ids [2]string
			for i := range ids {
				c := &judge.Candidate{AssessmentID: a.ID, Name: fmt.Sprint("c", i)}
				require.NoError(t, servers[0].CreateCandidate(ctx, c, []byte(fmt.Sprint("h", i))))
				ids[i] = c.ID
			}
			now := time.UnixMilli(1_700_000_000_000)
			const burst, every = 5, 6 * time.Second

			var taken atomic.Int32
			var wg sync.WaitGroup
			for i := range 3 * burst {
				wg.Add(1)
				go func() {
					defer wg.Done()
					wait, err := servers[i%2].TakeRate(ctx, ids[0], now, every, burst)
					assert.NoError(t, err)
					if err == nil && wait == 0 {
						taken.Add(1)
					}
				}()
			}
			wg.Wait()
			assert.Equal(t, int32(burst), taken.Load(), "exactly burst at once, across two servers")

			wait, err := servers[1].TakeRate(ctx, ids[0], now, every, burst)
			require.NoError(t, err)
			assert.Equal(t, every, wait, "the next one after an interval")
			wait, err = servers[0].TakeRate(ctx, ids[1], now, every, burst)
			require.NoError(t, err)
			assert.Zero(t, wait, "another candidate has a limit of their own")
			wait, err = servers[0].TakeRate(ctx, ids[0], now.Add(every), every, burst)
			require.NoError(t, err)
			assert.Zero(t, wait, "one more after the interval")
			wait, err = servers[1].TakeRate(ctx, ids[0], now.Add(every), every, burst)
			require.NoError(t, err)
			assert.Equal(t, every, wait, "and only one")
			wait, err = servers[1].TakeRate(ctx, ids[0], now.Add(time.Hour), every, burst)
			require.NoError(t, err)
			assert.Zero(t, wait, "a long pause fills the burst again")
		})
	}
}
