package mutation_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge/docker"
)

// sandbox is a cold sandbox on the real engine and runner image; the tests fail, never skip,
// without them.
func sandbox(t *testing.T) *docker.Sandbox {
	t.Helper()
	ctx := context.Background()
	c, err := docker.Connect(ctx)
	require.NoError(t, err, "this test needs a running Docker engine")
	t.Cleanup(func() { c.Close() })
	sb, err := docker.NewSandbox(ctx, c, docker.RunnerImage())
	require.NoError(t, err, "this test needs the runner image: make image")
	return sb
}
