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
		{"similarity threshold zero", []string{"grade", "--similarity", "--similarity-threshold", "0", "two-sum", good}, "must be above 0"},
		{"similarity threshold above one", []string{"grade", "--similarity", "--similarity-threshold", "1.5", "two-sum", good}, "at most 1"},
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

	// --similarity: a renamed copy is listed with its original, with the lines that match.
	long := "def add(a, b):\n    total = 0\n    for part in (a, b):\n        if part >= 0:\n            total += part\n        else:\n            total -= -part\n    return total\n"
	copied := "# my own work\n" + strings.NewReplacer("total", "s", "part", "x").Replace(long)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "right.py"), []byte(long), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "copied.py"), []byte(copied), 0o644))
	code, out, stderr = run(t, "grade", "--similarity", problem, filepath.Join(dir, "right.py"), filepath.Join(dir, "copied.py"), filepath.Join(dir, "wrong.py"))
	require.Equal(t, 1, code, stderr)
	assert.Contains(t, out, "similar pairs: 1 of 3 at score 0.40 or more", out)
	assert.Contains(t, out, "right.py ~ copied.py  1.00", out)
	assert.Regexp(t, `right.py lines 1-8 +copied.py lines 2-9`, out)
}
