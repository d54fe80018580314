package main

import (
	"time"
)

// budget shares the bench's time among its sections, so that a whole run takes about the same
// time on a machine of our kind whatever its speed (they differ tenfold in page-fault cost):
// each section gets a slice of what is left, in proportion to its weight among the sections
// still to come (time one section leaves unused goes to the later ones), and its loops stop
// once their slice is spent and they have their minimum. The sample sizes of the flags are
// then maxima. A zero budget shares nothing: every loop runs its full size.
type budget struct {
	end  time.Time // zero: no budget
	left float64   // the weights of the sections still to come
}

func newBudget(d time.Duration, weights float64) *budget {
	b := &budget{left: weights}
	if d > 0 {
		b.end = time.Now().Add(d)
	}
	return b
}

// section starts a section of weight w and returns when its slice ends (zero: no budget).
func (b *budget) section(w float64) time.Time {
	if b == nil || b.end.IsZero() {
		return time.Time{}
	}
	share := 1.0
	if b.left > w {
		share = w / b.left
	}
	b.left -= w
	rest := max(time.Until(b.end), 0)
	return time.Now().Add(time.Duration(float64(rest) * share))
}

// more says whether a loop that has done i of its at most n rounds goes on: always up to least,
// then while its slice lasts.
func more(i, n, least int, until time.Time) bool {
	if i >= n {
		return false
	}
	return i < least || until.IsZero() || time.Now().Before(until)
}

// fit is how many items of about each (each one's share of the time, run at once) fit in
// left: at least least, at most n.
func fit(n, least int, each, left time.Duration) int {
	k := n
	if each > 0 {
		k = int(max(left, 0) / each)
	}
	return max(min(k, n), min(least, n))
}

// fitUntil is fit in the time until until, n when there is no budget (until zero).
func fitUntil(n, least int, each time.Duration, until time.Time) int {
	if until.IsZero() {
		return n
	}
	return fit(n, least, each, time.Until(until))
}

// shareOf is when the first of parts equal shares of the time from now to until ends (zero, no
// budget, stays zero): a row's latency samples take the first half of its slice and its batch
// the rest; each variant of the lifecycles and each situation of the spread takes its share of
// what is left.
func shareOf(until time.Time, parts int) time.Time {
	if until.IsZero() {
		return until
	}
	return time.Now().Add(time.Until(until) / time.Duration(parts))
}
