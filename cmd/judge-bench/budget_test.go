package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// The deadlines below leave seconds of room: the tests hold on a machine that stalls them.

func TestBudgetSharesWhatIsLeftByWeight(t *testing.T) {
	b := newBudget(1000*time.Second, 10)
	assert.InDelta(t, 100*time.Second, time.Until(b.section(1)), float64(5*time.Second), "a tenth of the weights: a tenth of the time")
	// The first section took no time: the next shares the whole budget among the 9 weights
	// left, and the last takes everything that is left.
	assert.InDelta(t, 1000*time.Second*4/9, time.Until(b.section(4)), float64(5*time.Second))
	assert.InDelta(t, 1000*time.Second, time.Until(b.section(5)), float64(5*time.Second),
		"the time the earlier sections did not use goes to the later ones")
}

func TestNoBudgetNoDeadlines(t *testing.T) {
	var none *budget
	assert.True(t, none.section(1).IsZero())
	assert.True(t, newBudget(0, 5).section(1).IsZero())
	assert.True(t, shareOf(time.Time{}, 2).IsZero())
	assert.Equal(t, 20, fitUntil(20, 8, time.Second, time.Time{}))
	assert.Equal(t, 20, batchSize(20, 4, time.Hour, time.Time{}))
}

func TestMoreFitAndShares(t *testing.T) {
	past := time.Now().Add(-time.Second)
	assert.True(t, more(4, 20, 5, past), "up to its minimum, whatever the time")
	assert.False(t, more(5, 20, 5, past), "past the minimum, only while the slice lasts")
	assert.True(t, more(5, 20, 5, time.Now().Add(time.Minute)))
	assert.False(t, more(20, 20, 5, time.Time{}), "never past its size")

	assert.Equal(t, 5, fit(20, 2, 2*time.Second, 11*time.Second))
	assert.Equal(t, 8, fit(20, 8, 2*time.Second, 11*time.Second), "at least the minimum")
	assert.Equal(t, 3, fit(3, 8, 2*time.Second, -time.Second), "never more than asked")
	assert.Equal(t, 0, fit(2, 0, 2*time.Second, -time.Second), "nothing when the time is spent and there is no minimum")

	soon := time.Now().Add(110 * time.Second)
	assert.Equal(t, 0, batchSize(2, 4, 100*time.Second, soon), "a batch smaller than two rounds of the workers only when it fits")
	assert.Equal(t, 8, batchSize(20, 4, 100*time.Second, soon), "a larger one has two rounds at least")
	assert.Equal(t, 10, batchSize(20, 4, 8*time.Second, soon), "else what fits at 1.3 p50 each (110 s / 10.4 s)")
	assert.InDelta(t, 55*time.Second, time.Until(shareOf(soon, 2)), float64(5*time.Second))
}

func TestSizeServer(t *testing.T) {
	opts := ServerOptions{Subs: 500, Clients: 50, Idle: 20}
	ref := warmRef{p50: 600 * time.Millisecond, perSecond: 1.25}
	assert.Equal(t, opts, sizeServer(opts, warmRef{p50: time.Second}, time.Minute), "no throughput to size by: as asked")

	got := sizeServer(opts, ref, 2*time.Minute)
	assert.Equal(t, 8, got.Idle, "a sixth of 2 min at 2.4 s a sample")
	assert.Equal(t, 50, got.Subs, "one submission per client at least")

	got = sizeServer(opts, ref, 10*time.Minute)
	assert.Equal(t, 20, got.Idle)
	assert.Equal(t, int(0.8*1.25*(600-48-20)/2), got.Subs, "what the rest holds at the warm batch's pace less a fifth, twice")

	fast := warmRef{p50: 200 * time.Millisecond, perSecond: 4}
	assert.Equal(t, 500, sizeServer(opts, fast, 10*time.Minute).Subs, "never more than asked")
}
