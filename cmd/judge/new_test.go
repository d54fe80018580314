package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewUsage(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		msg  string
	}{
		{"bad id", []string{"new", "--dir", dir, "Two Sum"}, "lower-case letters"},
		{"both modes", []string{"new", "--dir", dir, "x", "--stdio", "--function", "f(a)"}, "exclude each other"},
		{"bad signature", []string{"new", "--dir", dir, "x", "--function", "f"}, "want name(param"},
		{"no params", []string{"new", "--dir", dir, "x", "--function", "f()"}, "at least one parameter"},
		{"keyword param", []string{"new", "--dir", dir, "x", "--function", "f(lambda)"}, "bad parameter name"},
		{"unknown adapter", []string{"new", "--dir", dir, "x", "--function", "f(a: Graph)"}, "unknown adapter"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, tc.msg)
		})
	}
	code, _, _ := run(t, "new", "--dir", dir, "once")
	require.Equal(t, 0, code)
	code, _, stderr := run(t, "new", "--dir", dir, "once")
	assert.Equal(t, 2, code, "never writes over an existing package")
	assert.Contains(t, stderr, "exists")
}

// TestNewScaffoldVerifies scaffolds both kinds of package and verifies them in the real sandbox:
// the placeholder problem passes judge verify as it is, and judge new names the files to fill.
func TestNewScaffoldVerifies(t *testing.T) {
	dir := t.TempDir()
	code, out, stderr := run(t, "new", "--dir", dir, "add-list", "--function", "add_one(nums, k: json)")
	require.Equal(t, 0, code, stderr)
	for _, want := range []string{"problem.yaml", "problem_statement/problem.en.md", "starter.py", "generators/generate.py", "generators/small_inputs.py",
		"input_validators/validate.py", "submissions/accepted/reference.py", "submissions/wrong_answer/wrong.py",
		"submissions/time_limit_exceeded/slow.py"} {
		assert.Contains(t, out, "  "+want+"\n")
		_, err := os.Stat(filepath.Join(dir, "add-list", filepath.FromSlash(want)))
		assert.NoError(t, err)
	}
	y, err := os.ReadFile(filepath.Join(dir, "add-list", "problem.yaml"))
	require.NoError(t, err)
	assert.Contains(t, string(y), "name: add_one\n  params: [json, json]")
	code, _, stderr = run(t, "new", "--dir", dir, "sum-to", "--stdio")
	require.Equal(t, 0, code, stderr)
	s, err := os.ReadFile(filepath.Join(dir, "sum-to", "problem_statement", "problem.en.md"))
	require.NoError(t, err)
	for _, section := range []string{"## Input", "## Output", "## Constraints", "## Examples", "### Example 1", "## Starter template"} {
		assert.Contains(t, string(s), section)
	}

	code, out, stderr = run(t, "--problems", dir, "--declared-limits", "verify", "--pool", "1", "--json")
	require.Equal(t, 0, code, "stdout: %s\nstderr: %s", out, stderr)
	assert.Contains(t, out, `"problem": "add-list"`)
	assert.Contains(t, out, `"problem": "sum-to"`)
	assert.NotContains(t, out, `"ok": false`)
}
