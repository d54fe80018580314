package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge/mutation"
)

func TestMutantsUsage(t *testing.T) {
	code, _, stderr := run(t, "verify", "--write-tests", "two-sum")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "goes with --mutants")
	code, _, stderr = run(t, "verify", "--mutants", "--write-tests", "two-sum")
	assert.Equal(t, 2, code, "a built-in problem has no folder to write into")
	assert.Contains(t, stderr, "--problems DIR")
}

// TestMutantsWriteTests runs judge verify --mutants --write-tests on a copy of the weak package
// in the real sandbox: exit 1, the gap in JSON and JUnit, and its test written with the
// reference's answer. The budget is set high: this test is not about it, and a slow machine must
// not leave the gap untriaged.
func TestMutantsWriteTests(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "weak-count")
	require.NoError(t, exec.Command("cp", "-r", "../../testdata/problems/weak-count", dir).Run())
	junit := filepath.Join(t.TempDir(), "m.xml")
	code, out, stderr := run(t, "--declared-limits", "verify", "--mutants", "--write-tests", "--json", "--junit", junit, "--pool", "1", "--budget", "1h", dir)
	require.Equal(t, 1, code, "a gap fails the check: %s", stderr)
	var res []struct {
		Problem string `json:"problem"`
		Gaps    int    `json:"gaps"`
		Tests   []struct{ Input, Answer string }
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	require.Len(t, res, 1)
	assert.Positive(t, res[0].Gaps)
	require.NotEmpty(t, res[0].Tests)
	assert.Equal(t, "[[0]]\n", res[0].Tests[0].Input)
	assert.Contains(t, stderr, "wrote data/secret/gap-01.in")
	in, err := os.ReadFile(filepath.Join(dir, "data", "secret", "gap-01.in"))
	require.NoError(t, err)
	assert.Equal(t, "[[0]]\n", string(in))
	ans, err := os.ReadFile(filepath.Join(dir, "data", "secret", "gap-01.ans"))
	require.NoError(t, err)
	assert.JSONEq(t, "0", string(ans))
	x, err := os.ReadFile(junit)
	require.NoError(t, err)
	assert.Contains(t, string(x), "test gap: input [[0]]")
}

// TestMutantSuiteSaysWhyUntriaged: an untriaged survivor's JUnit case gives the reason from the
// notes, which is not always the budget.
func TestMutantSuiteSaysWhyUntriaged(t *testing.T) {
	note := "no valid candidate input near the small tests: survivors not triaged"
	s := mutantSuite(&mutation.Result{Problem: "p", Mutants: 1, Survived: 1, Untriaged: 1, Notes: []string{note},
		Survivors: []mutation.Survivor{{Mutant: mutation.Mutant{Origin: "a.py", Line: 1}, Class: mutation.Untriaged}}})
	require.Len(t, s.Cases, 2)
	var x bytes.Buffer
	require.NoError(t, xml.NewEncoder(&x).Encode(s.Cases[1]))
	assert.Contains(t, x.String(), "not triaged: "+note)
	assert.NotContains(t, x.String(), "budget")
}
