package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge/docker"
)

// TestCloseSweepsWhatADeadJudgeLeftAfterTheStart: a judge killed outright while the engine is
// still creating one of its containers leaves a container that appears after the next judge's
// sweep at start (seen under load in TestServeKill9LosesNothing: a container in state Created,
// owned by the killed server, created after its successor's sweep). The next judge sweeps
// again as it closes.
func TestCloseSweepsWhatADeadJudgeLeftAfterTheStart(t *testing.T) {
	ctx := context.Background()
	var errOut bytes.Buffer
	f := &Factory{IO: &IO{In: strings.NewReader(""), Out: io.Discard, ErrOut: &errOut}, Image: docker.RunnerImage()}
	_, err := f.Docker(ctx) // connects, and sweeps once
	require.NoError(t, err)

	dc, err := docker.Connect(ctx)
	require.NoError(t, err)
	defer dc.Close()
	// A container of a judge that no longer runs (no such pid), as the engine finished it late.
	dead := map[string]string{"io.judge.managed": "1", "io.judge.owner": "2147483646:1"}
	made, err := dc.ContainerCreate(ctx, &container.Config{Image: docker.RunnerImage(), Labels: dead}, nil, nil, nil, "")
	require.NoError(t, err)
	t.Cleanup(func() { _ = dc.ContainerRemove(context.Background(), made.ID, container.RemoveOptions{Force: true}) })

	f.Close()
	_, err = dc.ContainerInspect(ctx, made.ID)
	assert.True(t, client.IsErrNotFound(err), "the container a dead judge left after the start's sweep is still there (%v)", err)
	assert.Contains(t, errOut.String(), "container(s) left by a judge that did not finish")
}
