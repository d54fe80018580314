package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/complexity"
	"github.com/judge-dev/judge/judge/report"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./judge/report -update to create the golden files")
	assert.Equal(t, string(want), string(got))
}

func str(s string) *string { return &s }
func intp(i int) *int      { return &i }

// sampleReport has fixed timings, so the golden files need no normalising.
func sampleReport() *judge.Report {
	calibrated := time.Date(2026, 11, 24, 8, 30, 0, 0, time.UTC)
	return &judge.Report{
		SchemaVersion: judge.SchemaVersion, Problem: "two-sum", Submission: "sol.py",
		Verdict: judge.WrongAnswer, Passed: 2, Total: 4, Score: 0.5, CPUMillis: 61.5, WallMillis: 812.25,
		Python: "3.11.2", Image: "sha256:0123456789abcdef0123", Started: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC),
		TimeLimit: judge.TimeLimit{DeclaredMillis: 1000, EffectiveMillis: 3000, Source: "calibrated",
			CalibratedAt: &calibrated, SlowestAcceptedMillis: 968, SlowestAcceptedTest: "secret/07-big", Multiplier: 3},
		Tests: []judge.TestResult{
			{Index: 0, Name: "sample/01", Group: "sample", Sample: true, Verdict: judge.Accepted, CPUMillis: 10, WallMillis: 12.5, MemoryMiB: 9.2,
				Input: str("[[2, 7], 9]"), Expected: str("[0, 1]"), Actual: str("[0, 1]")},
			{Index: 1, Name: "sample/02", Group: "sample", Sample: true, Verdict: judge.WrongAnswer, CPUMillis: 11, WallMillis: 13, MemoryMiB: 9.3,
				Message: "at $[1]: expected 2, got 3", Input: str("[[3, 2, 4], 6]"), Expected: str("[1, 2]\n"), Actual: str("[1, 3]\n")},
			{Index: 2, Name: "secret/01-min", Group: "secret", Verdict: judge.Accepted, CPUMillis: 20, WallMillis: 22, MemoryMiB: 9.4},
			{Index: 3, Name: "secret/02-neg", Group: "secret", Verdict: judge.RuntimeError, CPUMillis: 20.5, WallMillis: 21, MemoryMiB: 9.5,
				ExitCode: intp(1), Message: "KeyError", Error: &judge.PyError{Type: "KeyError"}},
		},
		Lint: &judge.Lint{Tool: "pyflakes 2.5.0", Total: 2, Findings: []judge.LintFinding{
			{Line: 1, Col: 1, Kind: "UnusedImport", Message: "'os' imported but unused"},
			{Line: 4, Col: 5, Kind: "UnusedVariable", Message: "local variable 'x' is assigned to but never used"},
		}},
	}
}

// budgetReport is a submission over the time limit on secret/01-big: the larger secret/03 did not
// run, the smaller secret/02 did.
func budgetReport() *judge.Report {
	return &judge.Report{
		SchemaVersion: judge.SchemaVersion, Problem: "bfs", Submission: "slow.py",
		Verdict: judge.TimeLimitExceeded, Passed: 2, Total: 4, NotRun: 1, Score: 0.5, CPUMillis: 1112, WallMillis: 2405.5,
		Python: "3.11.2", Image: "sha256:0123456789abcdef0123", Started: time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC),
		Tests: []judge.TestResult{
			{Index: 0, Name: "sample/01", Group: "sample", Sample: true, Verdict: judge.Accepted, CPUMillis: 5, WallMillis: 6, MemoryMiB: 9.2,
				Input: str("[{}, \"a\"]"), Expected: str("[\"a\"]"), Actual: str("[\"a\"]")},
			{Index: 1, Name: "secret/01-big", Group: "secret", Verdict: judge.TimeLimitExceeded, CPUMillis: 1100, WallMillis: 1130, MemoryMiB: 40.5,
				Message: "CPU time over the 1000 ms limit"},
			{Index: 2, Name: "secret/02-small", Group: "secret", Verdict: judge.Accepted, CPUMillis: 7, WallMillis: 8, MemoryMiB: 9.4},
			{Index: 3, Name: "secret/03-bigger", Group: "secret", Verdict: judge.NotRun,
				Message: "not run: test secret/01-big exceeded the time limit and this test is as large or larger"},
		},
		Lint: &judge.Lint{Tool: "pyflakes 2.5.0", Findings: []judge.LintFinding{}},
	}
}

func TestFormats(t *testing.T) {
	cases := []struct {
		name  string
		write func(*bytes.Buffer, *judge.Report) error
	}{
		{"text", func(b *bytes.Buffer, r *judge.Report) error { return report.Text(b, r) }},
		{"json", func(b *bytes.Buffer, r *judge.Report) error { return report.JSON(b, r) }},
		{"junit", func(b *bytes.Buffer, r *judge.Report) error {
			return report.JUnit(b, report.Suite(r.Problem+"/"+r.Submission, r))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, tc.write(&b, sampleReport()))
			golden(t, "report."+tc.name, b.Bytes())
		})
	}
	// A submission the judging budget stopped: its not-run tests say why in every format.
	for _, tc := range cases {
		t.Run("budget "+tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, tc.write(&b, budgetReport()))
			golden(t, "report.budget."+tc.name, b.Bytes())
		})
	}
	// judge run --complexity: the estimate and the reference's follow the summary, and the JSON
	// gains them additively.
	for _, tc := range cases[:2] {
		t.Run("complexity "+tc.name, func(t *testing.T) {
			r := sampleReport()
			pts := []complexity.Point{{N: 500, Seconds: 0.007}, {N: 1000, Seconds: 0.02}, {N: 2000, Seconds: 0.07}, {N: 4000, Seconds: 0.3}}
			r.Complexity = &judge.Complexity{Fit: &complexity.Fit{Class: complexity.Quadratic, R2: 0.99}, Points: pts, Note: "stopped at n=8000: tle"}
			r.Ladder = &judge.LadderSummary{Sizes: []int{500, 1000, 2000, 4000, 8000}, Repeats: 3, Good: "n", Naive: "n^2", PerRunMS: 3000,
				Reference: &judge.Complexity{Fit: &complexity.Fit{Close: []complexity.Class{complexity.Linear, complexity.NLogN}}, Points: pts}}
			var b bytes.Buffer
			require.NoError(t, tc.write(&b, r))
			golden(t, "report.complexity."+tc.name, b.Bytes())
		})
	}
	t.Run("compile error text", func(t *testing.T) {
		var b bytes.Buffer
		r := &judge.Report{Problem: "merge-sort", Submission: "s.py", Verdict: judge.CompileError, Message: "forbidden: sorted() at line 3", Total: 20}
		require.NoError(t, report.Text(&b, r))
		golden(t, "report.ce.text", b.Bytes())
	})
}

// A submission's output and exception messages reach a person's terminal: control characters are
// shown escaped, so an ANSI sequence cannot clear the screen, fake an "AC" and hide the verdict.
func TestTextEscapesControlCharacters(t *testing.T) {
	fake := "\x1b[2J\x1b[HAC  accepted\x1b[8m"
	rep := &judge.Report{Verdict: judge.WrongAnswer, Total: 1, Tests: []judge.TestResult{{
		Name: "sample/01", Sample: true, Verdict: judge.RuntimeError,
		Message: "ValueError: " + fake, Input: str("1 2\n"), Expected: str("3\n"), Actual: str(fake + "\u202e\n"),
	}}}
	var out bytes.Buffer
	require.NoError(t, report.Text(&out, rep))
	assert.NotContains(t, out.String(), "\x1b")
	assert.NotContains(t, out.String(), "\u202e")
	assert.Contains(t, out.String(), `actual:   \x1b[2J\x1b[HAC  accepted\x1b[8m\u202e`)
	assert.Contains(t, out.String(), `ValueError: \x1b[2J`)

	rep = &judge.Report{Verdict: judge.CompileError, Message: "SyntaxError: " + fake}
	out.Reset()
	require.NoError(t, report.Text(&out, rep))
	assert.NotContains(t, out.String(), "\x1b")
}

// A test that allocates next to nothing reads "< 0.1" MiB, not "0.0" (a failed measurement's look).
func TestTextTinyMemory(t *testing.T) {
	r := &judge.Report{Problem: "p", Submission: "s.py", Verdict: judge.Accepted, Total: 2, Passed: 2,
		Tests: []judge.TestResult{{Index: 0, Name: "a", Verdict: judge.Accepted, MemoryMiB: 0.01}, {Index: 1, Name: "b", Verdict: judge.Accepted, MemoryMiB: 3.25}}}
	var b bytes.Buffer
	require.NoError(t, report.Text(&b, r))
	lines := strings.Split(b.String(), "\n")
	assert.True(t, strings.HasSuffix(lines[1], " < 0.1"), lines[1])
	assert.True(t, strings.HasSuffix(lines[2], " 3.2") || strings.HasSuffix(lines[2], " 3.3"), lines[2])
}
