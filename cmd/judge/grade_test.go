package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGradeUsage(t *testing.T) {
	good := writeFile(t, "sol.py", "def add(a, b):\n    return a + b\n")
	cases := []struct {
		name string
		args []string
		msg  string
	}{
		{"no files", []string{"grade", "two-sum"}, "at least one file or folder"},
		{"missing file", []string{"grade", "two-sum", "/nonexistent/sol.py"}, "no such file"},
		{"folder without python files", []string{"grade", "two-sum", t.TempDir()}, "no *.py file"},
		{"two formats", []string{"grade", "--json", "--csv", "two-sum", good}, "exclude each other"},
		{"unknown problem", []string{"grade", "no-such-problem", good}, "no such problem"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			assert.Equal(t, 2, code, stderr)
			assert.Contains(t, stderr, tc.msg)
		})
	}
}

// TestGradeAgainstDocker grades a folder through the pool: every submission gets its own
// verdict, a file that cannot be judged gets a row, and times are relative to the reference.
func TestGradeAgainstDocker(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"right.py": "def add(a, b):\n    return a + b\n",
		"wrong.py": "def add(a, b):\n    return a - b\n",
		"empty.py": "",
		"notes.md": "not a submission: only *.py files of a folder are graded",
	}
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	problem := "../../testdata/problems/add20"

	code, out, stderr := run(t, "grade", "--csv", "--pool", "1", problem, dir)
	require.Equal(t, 1, code, stderr)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err, out)
	require.Len(t, recs, 4, "a header and three submissions: %s", out)
	got := map[string][]string{}
	for _, r := range recs[1:] {
		got[r[0]] = r
	}
	assert.Equal(t, "ERR", got["empty.py"][1])
	assert.Equal(t, "AC", got["right.py"][1])
	assert.Equal(t, "20", got["right.py"][3], "tests passed")
	assert.NotEmpty(t, got["right.py"][8], "CPU relative to the reference")
	assert.Equal(t, "WA", got["wrong.py"][1])
	assert.Contains(t, stderr, "[3/3]", "progress")

	code, out, stderr = run(t, "grade", "--json", problem, filepath.Join(dir, "right.py"))
	require.Equal(t, 0, code, stderr)
	var batch struct {
		Problem   string `json:"problem"`
		Reference struct {
			Submission string `json:"submission"`
			Verdict    string `json:"verdict"`
		} `json:"reference"`
		Submissions []struct {
			Verdict string `json:"verdict"`
			Report  struct {
				Tests []json.RawMessage `json:"tests"`
			} `json:"report"`
		} `json:"submissions"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &batch), out)
	assert.Equal(t, "add20", batch.Problem)
	assert.Equal(t, "submissions/accepted/add.py", batch.Reference.Submission)
	assert.Equal(t, "AC", batch.Reference.Verdict)
	require.Len(t, batch.Submissions, 1)
	assert.Len(t, batch.Submissions[0].Report.Tests, 20)
}
