package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestBudgetSharesWhatIsLeftByWeight(t *testing.T) {
	b := newBudget(100*time.Second, 10)
	first := time.Until(b.section(1))
	assert.InDelta(t, 10*time.Second, first, float64(time.Second), "a tenth of the weights: a tenth of the time")
	// The first section took no time: the next shares the whole 100 s among the 9 left, and the last
	// takes everything that is left.
	assert.InDelta(t, 100*time.Second*4/9, time.Until(b.section(4)), float64(time.Second))
	last := time.Until(b.section(5))
	assert.InDelta(t, 100*time.Second, last, float64(time.Second), "the time the earlier sections did not use goes to the later ones")
}

func TestNoBudgetNoDeadlines(t *testing.T) {
	var none *budget
	assert.True(t, none.section(1).IsZero())
	assert.True(t, newBudget(0, 5).section(1).IsZero())
	assert.True(t, halfway(time.Time{}).IsZero())
	assert.Equal(t, 20, fit(20, 8, time.Second, time.Time{}))
}

func TestMoreAndFit(t *testing.T) {
	past := time.Now().Add(-time.Second)
	assert.True(t, more(4, 20, 5, past), "up to its minimum, whatever the time")
	assert.False(t, more(5, 20, 5, past), "past the minimum, only while the slice lasts")
	assert.True(t, more(5, 20, 5, time.Now().Add(time.Minute)))
	assert.False(t, more(20, 20, 5, time.Time{}), "never past its size")

	soon := time.Now().Add(11 * time.Second) // 5 of 2 s, with room for the clock moving on
	assert.Equal(t, 5, fit(20, 2, 2*time.Second, soon))
	assert.Equal(t, 8, fit(20, 8, 2*time.Second, soon), "at least the minimum")
	assert.Equal(t, 3, fit(3, 8, 2*time.Second, past), "never more than asked")
	assert.Equal(t, 0, batchSize(2, 4, 20*time.Second, soon), "a batch smaller than two rounds of the workers only when it fits")
	assert.Equal(t, 8, batchSize(20, 4, 20*time.Second, soon), "a larger one has two rounds at least")
}

func TestSizeServer(t *testing.T) {
	opts := ServerOptions{Subs: 500, Clients: 50, Idle: 20}
	ref := warmRef{p50: 600 * time.Millisecond, perSecond: 1.25}
	assert.Equal(t, opts, sizeServer(opts, ref, time.Time{}), "no budget: as asked")

	got := sizeServer(opts, ref, time.Now().Add(2*time.Minute))
	assert.Equal(t, 8, got.Idle, "a sixth of 2 min at 2.4 s a sample")
	assert.Equal(t, 50, got.Subs, "one submission per client at least")

	got = sizeServer(opts, ref, time.Now().Add(10*time.Minute))
	assert.Equal(t, 20, got.Idle)
	assert.InDelta(t, 0.8*1.25*(600-48-20)/2, got.Subs, 2)

	fast := warmRef{p50: 200 * time.Millisecond, perSecond: 4}
	assert.Equal(t, 500, sizeServer(opts, fast, time.Now().Add(10*time.Minute)).Subs, "never more than asked")
}
