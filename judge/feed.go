package judge

import (
	"sync"
	"time"
)

// Progress is one step of a judging as it happens: a test finished (Test set), or the judging
// is over (Final: its result is stored).
type Progress struct {
	Done, Total int
	Test        *TestResult
	Final       bool
}

// Feed passes judgings' progress from the workers to whoever follows a submission, in this
// process. It drops what a slow follower cannot take (they read the stored result at the
// end), so a worker never waits for a follower. A server that judges in another process
// follows the database instead; the server consumes this through a small interface.
type Feed struct {
	mu   sync.Mutex
	subs map[string]map[chan Progress]struct{}
}

// NewFeed returns an empty feed.
func NewFeed() *Feed { return &Feed{subs: map[string]map[chan Progress]struct{}{}} }

// Follow subscribes to submission id's progress; cancel unsubscribes.
func (f *Feed) Follow(id string) (events <-chan Progress, cancel func()) {
	ch := make(chan Progress, 64)
	f.mu.Lock()
	if f.subs[id] == nil {
		f.subs[id] = map[chan Progress]struct{}{}
	}
	f.subs[id][ch] = struct{}{}
	f.mu.Unlock()
	return ch, func() {
		f.mu.Lock()
		delete(f.subs[id], ch)
		if len(f.subs[id]) == 0 {
			delete(f.subs, id)
		}
		f.mu.Unlock()
	}
}

// Publish hands p to submission id's followers.
func (f *Feed) Publish(id string, p Progress) {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for ch := range f.subs[id] {
		select {
		case ch <- p:
		default:
		}
	}
}

// Stages is where one submission's time went, from its 202 to its recorded result (judge/jobs
// measures them, judge/metrics exports them): waiting in the queue until a worker took it
// (against the submission's stored creation time, so across hosts it carries their clocks'
// difference), preparing (loading the problem and this machine's time limit), judging in the
// sandbox, and recording the outcome with the job's completion. A stage not reached is 0.
type Stages struct {
	Queued, Prepare, Judge, Record time.Duration
}
