package jobs

import (
	"context"
	"sync"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riversqlite"
)

// SQLite has no LISTEN/NOTIFY. River's SQLite driver stands in for it with a table: an insert
// writes a notification row in its transaction, and each client's listener reads the table
// every 50 ms (fixed in the driver). An idle server's submission therefore waited 25 ms on
// average, up to 50, before a worker heard of it. On SQLite every client of the database is in
// this process (the file is the server's own), so the process that commits an insert can tell
// its own listener to read the table at once: wakeDriver is riversqlite's driver with a
// listener that a wake interrupts between its polls. The notification still comes from the
// table, so the order and the delivery are River's; the wake only ends the wait for the next
// poll, as PostgreSQL's NOTIFY ends a listener's wait.
type wakeDriver struct {
	*riversqlite.Driver
	wake *wake
}

func (d *wakeDriver) GetListener(params *riverdriver.GetListenenerParams) riverdriver.Listener {
	return &wakeListener{Listener: d.Driver.GetListener(params), wake: d.wake}
}

// wake is a broadcast: every listener waiting when it is raised stops waiting.
type wake struct {
	mu sync.Mutex
	ch chan struct{}
}

func newWake() *wake { return &wake{ch: make(chan struct{})} }

// raise wakes every listener waiting now. Call it after the transaction that inserted jobs has
// committed: a listener woken earlier would read the table before the rows are there.
func (w *wake) raise() {
	if w == nil {
		return
	}
	w.mu.Lock()
	close(w.ch)
	w.ch = make(chan struct{})
	w.mu.Unlock()
}

func (w *wake) wait() <-chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.ch
}

// wakeListener waits as the driver's listener does, but a wake makes it read the table again
// at once instead of at its next poll.
type wakeListener struct {
	riverdriver.Listener
	wake *wake
}

func (l *wakeListener) WaitForNotification(ctx context.Context) (*riverdriver.Notification, error) {
	for {
		woken := l.wake.wait()
		wctx, cancel := context.WithCancel(ctx)
		go func() {
			select {
			case <-woken:
				cancel()
			case <-wctx.Done():
			}
		}()
		n, err := l.Listener.WaitForNotification(wctx)
		cancel()
		if err != nil && ctx.Err() == nil && isClosed(woken) {
			// Woken, not failed: the driver keeps what it had read, and reads again.
			continue
		}
		return n, err
	}
}

func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
