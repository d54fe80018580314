package main

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain keeps the commands' calibrations in a cache of the tests' own, never the user's.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "judge-cmd-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("JUDGE_CACHE_DIR", dir)
	code := pg.Run(m)
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs the command line in-process and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut})
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

func TestExitCodesWithoutContainers(t *testing.T) {
	good := writeFile(t, "sol.py", "print(1)\n")
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown problem", []string{"run", "no-such-problem", good}, 2, "no such problem"},
		{"traversal in id", []string{"run", "../../etc", good}, 2, "no problem.yaml"},
		{"missing file", []string{"run", "two-sum", "/nonexistent/sol.py"}, 2, "no such file"},
		{"empty source", []string{"run", "two-sum", writeFile(t, "e.py", "")}, 2, "empty"},
		{"nul byte", []string{"run", "two-sum", writeFile(t, "n.py", "x=1\n\x00")}, 2, "NUL byte"},
		{"not utf-8", []string{"run", "two-sum", writeFile(t, "u.py", "x='\xff'")}, 2, "not valid UTF-8"},
		{"too big", []string{"run", "two-sum", writeFile(t, "b.py", strings.Repeat("#", 10<<20))}, 2, "over the 256 KiB limit"},
		{"a directory", []string{"run", "two-sum", t.TempDir()}, 2, "not a regular file"},
		{"usage", []string{"run", "two-sum"}, 2, "takes 2 argument"},
		{"ladder budget", []string{"run", "--ladder-budget", "0", "two-sum", good}, 2, "--ladder-budget must be at least 1"},
		{"complexity without a ladder", []string{"run", "--complexity", filepath.Join("..", "..", "testdata", "problems", "add"), good}, 2, "has no size ladder"},
		{"unknown flag", []string{"run", "--nope"}, 2, "unknown flag"},
		{"docker unreachable", []string{"run", "two-sum", good}, 3, "does not answer"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "docker unreachable" {
				t.Setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
			}
			code, _, stderr := run(t, tc.args...)
			assert.Equal(t, tc.code, code, stderr)
			assert.Contains(t, stderr, tc.msg)
		})
	}
}

func TestProblemsListAndShow(t *testing.T) {
	code, out, _ := run(t, "problems", "list")
	require.Equal(t, 0, code)
	for _, id := range []string{"fibonacci", "two-sum", "merge-sorted-lists"} {
		assert.Contains(t, out, id)
	}
	code, out, _ = run(t, "problems", "list", "--json")
	require.Equal(t, 0, code)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	assert.NotEmpty(t, rows)

	code, out, _ = run(t, "problems", "show", "two-sum")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Two Sum")
	assert.Contains(t, out, "sample 1")
	assert.Contains(t, out, "hidden test(s)")
	// Never hidden data: no secret test's name or answer appears.
	assert.NotContains(t, out, "secret/")
}

func TestProblemPathWorksLikeAnID(t *testing.T) {
	code, out, stderr := run(t, "problems", "show", "../../testdata/problems/sum")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "Sum of two")
	code, out, _ = run(t, "--problems", "../../testdata/problems", "problems", "list")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "sum")
	assert.NotContains(t, out, "two-sum")
}

func TestInit(t *testing.T) {
	dst := filepath.Join(t.TempDir(), "two_sum.py")
	code, out, _ := run(t, "init", "two-sum", dst)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "judge run two-sum")
	b, err := os.ReadFile(dst)
	require.NoError(t, err)
	assert.Contains(t, string(b), "def two_sum")
	code, _, stderr := run(t, "init", "two-sum", dst)
	assert.Equal(t, 2, code, "never overwrites without --force")
	assert.Contains(t, stderr, "--force")
}

// TestRunAgainstDocker judges through the real engine: exit codes, JSON schema and JUnit.
func TestRunAgainstDocker(t *testing.T) {
	cacheDir := t.TempDir()
	t.Setenv("JUDGE_CACHE_DIR", cacheDir)
	junit := filepath.Join(t.TempDir(), "r.xml")
	code, out, stderr := run(t, "run", "--json", "--junit", junit, "two-sum", "../../testdata/demo/two_sum.py")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "calibrating the time limit of two-sum on this machine", "the first run calibrates, and says so")
	var rep struct {
		Schema  int    `json:"schema_version"`
		Verdict string `json:"verdict"`
		Python  string `json:"python"`
		Image   string `json:"image"`
		Limit   struct {
			Declared  float64 `json:"declared_ms"`
			Effective float64 `json:"effective_ms"`
			Source    string  `json:"source"`
			Slowest   float64 `json:"slowest_accepted_ms"`
		} `json:"time_limit"`
		Tests []struct {
			Verdict  string   `json:"verdict"`
			Sample   bool     `json:"sample"`
			Input    *string  `json:"input"`
			CPU      *float64 `json:"cpu_ms"`
			MemoryMB *float64 `json:"memory_mib"`
		} `json:"tests"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, 1, rep.Schema)
	assert.Equal(t, "AC", rep.Verdict)
	assert.NotEmpty(t, rep.Python)
	assert.NotEmpty(t, rep.Image)
	assert.Equal(t, "calibrated", rep.Limit.Source)
	assert.Equal(t, 1000.0, rep.Limit.Declared)
	assert.GreaterOrEqual(t, rep.Limit.Effective, rep.Limit.Declared, "never below the declared limit")
	assert.GreaterOrEqual(t, rep.Limit.Effective, 3*rep.Limit.Slowest, "at least 3x the slowest accepted test")
	assert.Positive(t, rep.Limit.Slowest)
	cached, _ := filepath.Glob(filepath.Join(cacheDir, "calibration", "*.json"))
	assert.Len(t, cached, 1, "the calibration is cached")
	require.NotEmpty(t, rep.Tests)
	for _, tr := range rep.Tests {
		assert.Equal(t, tr.Sample, tr.Input != nil, "only samples show their input")
		require.NotNil(t, tr.CPU)
		require.NotNil(t, tr.MemoryMB)
	}
	b, err := os.ReadFile(junit)
	require.NoError(t, err)
	var doc struct {
		Tests int `xml:"tests,attr"`
	}
	require.NoError(t, xml.Unmarshal(b, &doc))
	assert.Equal(t, len(rep.Tests), doc.Tests, "one testcase per test")

	wrong := writeFile(t, "w.py", "def two_sum(nums, target):\n    return [0, 1]\n")
	code, out, stderr = run(t, "run", "two-sum", wrong)
	assert.Equal(t, 1, code, "judged, not accepted")
	assert.Contains(t, out, "WA")
	assert.NotContains(t, stderr, "calibrating", "the second run uses the cached calibration")
	assert.Contains(t, out, "time limit 1 s declared")

	code, out, _ = run(t, "problems", "list", "--json")
	require.Equal(t, 0, code)
	var list []struct {
		ID    string           `json:"ID"`
		Limit *json.RawMessage `json:"time_limit"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &list))
	for _, row := range list {
		assert.Equal(t, row.ID == "two-sum", row.Limit != nil, "%s: only two-sum is calibrated in this cache", row.ID)
	}

	code, out, _ = run(t, "--declared-limits", "run", "--json", "two-sum", "../../testdata/demo/two_sum.py")
	require.Equal(t, 0, code)
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Equal(t, "declared", rep.Limit.Source)
	assert.Equal(t, 1000.0, rep.Limit.Effective)

	code, out, _ = run(t, "run", "two-sum", writeFile(t, "ce.py", "def two_sum(:\n"))
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "CE")
	assert.Contains(t, out, "line 1")
}

// TestRunBudgetAgainstDocker judges, through the real engine, a submission that is slow on
// inputs of 5 bytes or more: the judging budget skips the larger test, runs the smaller one in
// a new sandbox, and --all runs everything. sum's inputs are 4, 5, 16 and 4 bytes.
func TestRunBudgetAgainstDocker(t *testing.T) {
	slow := writeFile(t, "slow.py", "import sys\ns = sys.stdin.read()\nwhile len(s) >= 5:\n    pass\na, b = map(int, s.split())\nprint(a + b)\n")
	type report struct {
		Verdict string `json:"verdict"`
		Passed  int    `json:"passed"`
		NotRun  int    `json:"not_run"`
		Tests   []struct {
			Verdict string `json:"verdict"`
			Message string `json:"message"`
		} `json:"tests"`
	}
	verdicts := func(r report) []string {
		var vs []string
		for _, tr := range r.Tests {
			vs = append(vs, tr.Verdict)
		}
		return vs
	}
	junit := filepath.Join(t.TempDir(), "r.xml")
	code, out, stderr := run(t, "run", "--json", "--junit", junit, "../../testdata/problems/sum", slow)
	require.Equal(t, 1, code, stderr)
	var r report
	require.NoError(t, json.Unmarshal([]byte(out), &r), out)
	assert.Equal(t, "TLE", r.Verdict)
	assert.Equal(t, []string{"AC", "TLE", "NR", "AC"}, verdicts(r))
	assert.Equal(t, 2, r.Passed)
	assert.Equal(t, 1, r.NotRun)
	assert.Equal(t, "not run: test secret/01-zero exceeded the time limit and this test is as large or larger", r.Tests[2].Message)
	b, err := os.ReadFile(junit)
	require.NoError(t, err)
	assert.Contains(t, string(b), `<skipped message="not run: test secret/01-zero exceeded the time limit`)

	code, out, stderr = run(t, "run", "--json", "--all", "../../testdata/problems/sum", slow)
	require.Equal(t, 1, code, stderr)
	r = report{}
	require.NoError(t, json.Unmarshal([]byte(out), &r), out)
	assert.Equal(t, []string{"AC", "TLE", "TLE", "AC"}, verdicts(r), "--all runs every test")
	assert.Zero(t, r.NotRun)
	assert.NotContains(t, out, `"not_run"`, "not_run is left out when every test ran")
}
