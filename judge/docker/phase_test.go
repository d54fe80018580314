package docker

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// entered starts enter(k) in the background and returns a channel that yields its result.
func entered(ph *phases, ctx context.Context, k int) <-chan error {
	ch := make(chan error, 1)
	go func() { ch <- ph.enter(ctx, k) }()
	return ch
}

func waitingFor(ph *phases, k, n int) func() bool {
	return func() bool {
		ph.mu.Lock()
		defer ph.mu.Unlock()
		return ph.waiting[k] == n
	}
}

func TestPhases(t *testing.T) {
	ctx := context.Background()
	t.Run("the same kind overlaps", func(t *testing.T) {
		ph := newPhases()
		require.NoError(t, ph.enter(ctx, phaseTests))
		require.NoError(t, ph.enter(ctx, phaseTests))
		ph.leave(phaseTests)
		ph.leave(phaseTests)
	})
	t.Run("the other kind waits until the last one leaves", func(t *testing.T) {
		ph := newPhases()
		require.NoError(t, ph.enter(ctx, phaseTests))
		require.NoError(t, ph.enter(ctx, phaseTests))
		churn := entered(ph, ctx, phaseChurn)
		require.Eventually(t, waitingFor(ph, phaseChurn, 1), 10*time.Second, time.Millisecond)
		ph.leave(phaseTests)
		assert.Empty(t, churn, "one test still runs")
		ph.leave(phaseTests)
		require.NoError(t, <-churn)
		ph.leave(phaseChurn)
	})
	t.Run("waiting churn goes before new tests", func(t *testing.T) {
		ph := newPhases()
		require.NoError(t, ph.enter(ctx, phaseTests))
		churn := entered(ph, ctx, phaseChurn)
		require.Eventually(t, waitingFor(ph, phaseChurn, 1), 10*time.Second, time.Millisecond)
		test := entered(ph, ctx, phaseTests)
		require.Eventually(t, waitingFor(ph, phaseTests, 1), 10*time.Second, time.Millisecond)
		ph.leave(phaseTests)
		require.NoError(t, <-churn)
		assert.Empty(t, test, "the new test waits for the churn that waited before it")
		ph.leave(phaseChurn)
		require.NoError(t, <-test)
		ph.leave(phaseTests)
	})
	t.Run("a cancelled wait gives up", func(t *testing.T) {
		ph := newPhases()
		require.NoError(t, ph.enter(ctx, phaseChurn))
		cctx, cancel := context.WithCancel(ctx)
		test := entered(ph, cctx, phaseTests)
		require.Eventually(t, waitingFor(ph, phaseTests, 1), 10*time.Second, time.Millisecond)
		cancel()
		require.ErrorIs(t, <-test, context.Canceled)
		ph.leave(phaseChurn)
		require.NoError(t, ph.enter(ctx, phaseTests), "nothing is left held")
	})
	t.Run("nil lets everything overlap", func(t *testing.T) {
		var ph *phases
		require.NoError(t, ph.enter(ctx, phaseTests))
		require.NoError(t, ph.enter(ctx, phaseChurn))
		ph.leave(phaseTests)
		ph.leave(phaseChurn)
	})
}
