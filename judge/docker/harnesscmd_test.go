package docker

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/runner-images/python"
)

// Every image says how its harness starts (its Dockerfile's CMD, for a container started by
// hand) and the sandbox starts it itself (harnessCmd): the four must be one command, or a
// Dockerfile's CMD would go stale unseen.
func TestDockerfilesStartTheHarnessAsTheSandboxDoes(t *testing.T) {
	cmd := regexp.MustCompile(`(?m)^CMD (\[.*\])$`)
	for name, file := range map[string][]byte{
		"Dockerfile":           python.Dockerfile,
		"Dockerfile.local":     python.DockerfileLocal,
		"Dockerfile.validator": python.DockerfileValidator,
	} {
		m := cmd.FindSubmatch(file)
		require.NotNil(t, m, "%s has a CMD in JSON form", name)
		var got []string
		require.NoError(t, json.Unmarshal(m[1], &got), name)
		assert.Equal(t, harnessCmd, got, "%s's CMD is the sandbox's harnessCmd", name)
	}
}
