package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestFaultCost: touching fresh pages costs this thread CPU, and the cost is per page.
func TestFaultCost(t *testing.T) {
	d, err := faultCostMedian(32<<20, 3)
	require.NoError(t, err)
	require.Positive(t, d, "touching 8192 fresh pages took no CPU at all")
	t.Logf("%v per page", d)
}
