package jobs

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/riverqueue/river/riverdriver"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/store"
)

// pollingListener stands in for riversqlite's listener with a poll that never comes: each wait
// blocks until its context ends, except that once table holds a notification, the next wait
// returns it (as the driver's does when it reads the table).
type pollingListener struct {
	riverdriver.Listener
	waiting chan struct{} // a wait began
	table   chan *riverdriver.Notification
	fail    error
}

func (l *pollingListener) WaitForNotification(ctx context.Context) (*riverdriver.Notification, error) {
	select {
	case n := <-l.table:
		return n, nil
	default:
	}
	if l.fail != nil {
		return nil, l.fail
	}
	l.waiting <- struct{}{}
	<-ctx.Done()
	return nil, ctx.Err()
}

func newPolling() *pollingListener {
	return &pollingListener{waiting: make(chan struct{}, 16), table: make(chan *riverdriver.Notification, 1)}
}

func TestWakeReadsTheTableAtOnce(t *testing.T) {
	inner, w := newPolling(), newWake()
	l := &wakeListener{Listener: inner, wake: w}
	got := make(chan *riverdriver.Notification, 1)
	go func() {
		n, err := l.WaitForNotification(context.Background())
		require.NoError(t, err)
		got <- n
	}()
	<-inner.waiting
	// The insert commits (its row is in the table), then the process raises the wake: the
	// listener reads again without waiting for a poll that, here, never comes.
	want := &riverdriver.Notification{Topic: "river_insert", Payload: `{"queue": "default"}`}
	inner.table <- want
	w.raise()
	select {
	case n := <-got:
		require.Equal(t, want, n)
	case <-time.After(10 * time.Second):
		t.Fatal("a wake did not end the listener's wait: the notification waited for the next poll")
	}
}

func TestWakeWithNothingNewWaitsOn(t *testing.T) {
	inner, w := newPolling(), newWake()
	l := &wakeListener{Listener: inner, wake: w}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := l.WaitForNotification(ctx)
		done <- err
	}()
	<-inner.waiting
	w.raise() // nothing was committed: the listener reads, finds nothing, and waits again
	select {
	case <-inner.waiting:
	case <-time.After(10 * time.Second):
		t.Fatal("a wake did not make the listener read again")
	}
	select {
	case err := <-done:
		t.Fatalf("the listener returned after a wake with nothing to read: %v", err)
	default:
	}
	cancel()
	require.ErrorIs(t, <-done, context.Canceled, "the caller's own cancellation is passed on")
}

func TestWakeKeepsTheDriversErrors(t *testing.T) {
	inner := newPolling()
	inner.fail = errors.New("database is locked")
	l := &wakeListener{Listener: inner, wake: newWake()}
	_, err := l.WaitForNotification(context.Background())
	require.ErrorIs(t, err, inner.fail)
}

func TestRaiseOnNoWakeIsHarmless(t *testing.T) {
	var w *wake // PostgreSQL, or a process that only inserts
	w.raise()
}

// On SQLite the queue is wired to its wake: River's driver is the waking one, holding the
// queue's own wake, and a submission raises it once committed, and a refused one does not.
func TestSQLiteSubmitWakesTheQueuesListener(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "judge.db"))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	require.NoError(t, Migrate(ctx, st))
	q, err := New(Config{Store: st, Workers: 1, Grader: &grade.Grader{},
		Problem: func(context.Context, string) (*judge.Problem, error) { return nil, judge.ErrBadInput }})
	require.NoError(t, err)
	d, ok := q.client.Driver().(*wakeDriver)
	require.True(t, ok, "River's driver on SQLite is %T, not the waking one", q.client.Driver())
	require.Same(t, q.wake, d.wake, "the listener and the submissions share one wake")

	a := &judge.Assessment{Name: "a", Problems: []string{"p"}, Opens: time.Now().Add(-time.Hour), Closes: time.Now().Add(time.Hour), Policy: judge.PolicySamples}
	require.NoError(t, st.CreateAssessment(ctx, a))
	c := &judge.Candidate{AssessmentID: a.ID, Name: "c"}
	require.NoError(t, st.CreateCandidate(ctx, c, []byte("h")))
	rec := func() *judge.Record {
		return &judge.Record{AssessmentID: a.ID, CandidateID: c.ID, Problem: "p", Submission: judge.Submission{Filename: "s.py", Source: []byte("print(1)\n")}}
	}
	woken := q.wake.wait()
	require.NoError(t, q.Submit(ctx, rec(), 1))
	require.True(t, isClosed(woken), "a committed submission wakes the listener")

	woken = q.wake.wait()
	require.ErrorIs(t, q.Submit(ctx, rec(), 1), judge.ErrLimit)
	require.False(t, isClosed(woken), "a refused submission (nothing committed) wakes nobody")
}
