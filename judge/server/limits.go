package server

import (
	"net/http"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limits is a token bucket per candidate for the requests that cost a judging (submit, run).
type limits struct {
	mu      sync.Mutex
	every   rate.Limit
	burst   int
	buckets map[string]*rate.Limiter
}

func newLimits(every rate.Limit, burst int) *limits {
	return &limits{every: every, burst: burst, buckets: map[string]*rate.Limiter{}}
}

// take spends one of the candidate's tokens at now, or says how long until there is one.
func (l *limits) take(candidate string, now time.Time) error {
	l.mu.Lock()
	b, ok := l.buckets[candidate]
	if !ok {
		b = rate.NewLimiter(l.every, l.burst)
		l.buckets[candidate] = b
	}
	l.mu.Unlock()
	res := b.ReserveN(now, 1)
	if wait := res.DelayFrom(now); wait > 0 {
		res.CancelAt(now)
		return &apiError{status: http.StatusTooManyRequests, code: "rate_limited",
			detail: "too many submissions and sample runs in a minute; wait a little", retryAfter: wait}
	}
	return nil
}
