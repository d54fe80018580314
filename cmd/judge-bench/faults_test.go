package main

import (
	"context"
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

// TestFloorRunsEveryTest: the floor runs both modes' tests on the host and fails when a test
// does not run.
func TestFloorRunsEveryTest(t *testing.T) {
	for _, dir := range []string{"../../testdata/problems/add20", "../../problems/fibonacci", "../../problems/reverse-lines"} {
		s, err := loadSubject(dir)
		require.NoError(t, err)
		run, err := floorRun(s)
		require.NoError(t, err)
		require.NoError(t, run(context.Background()), dir)
	}
	s, err := loadSubject("../../testdata/problems/add20")
	require.NoError(t, err)
	s.sub.Source = []byte("def add(a, b):\n    raise ValueError('no')\n")
	run, err := floorRun(s)
	require.NoError(t, err)
	require.ErrorContains(t, run(context.Background()), "ValueError")
}
