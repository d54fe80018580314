package judge

import (
	"fmt"
	"time"
)

// SchemaVersion is the version of the JSON report schema (README: "JSON report"). Bump it on any
// change that is not a pure addition.
const SchemaVersion = 1

// Report is the result of judging one submission.
type Report struct {
	SchemaVersion int     `json:"schema_version"`
	Problem       string  `json:"problem"`
	Submission    string  `json:"submission"`
	Verdict       Verdict `json:"verdict"`
	Message       string  `json:"message,omitempty"` // compile error, internal error
	Passed        int     `json:"passed"`
	Total         int     `json:"total"`
	// Score is Passed / Total; for a scoring problem, Points.Score / Points.Max.
	Score float64 `json:"score"`
	// Points is a scoring problem's score as its package aggregates it; nil for pass-fail ones.
	Points *Points `json:"points,omitempty"`
	// NotRun counts the tests the judge did not run (verdict NR); omitted when 0.
	NotRun     int       `json:"not_run,omitempty"`
	CPUMillis  float64   `json:"cpu_ms"`
	WallMillis float64   `json:"wall_ms"` // whole judging, container start to verdict
	Python     string    `json:"python,omitempty"`
	Image      string    `json:"image,omitempty"`
	Started    time.Time `json:"started"`
	// TimeLimit is the CPU limit per test this judging used, and how it was derived.
	TimeLimit TimeLimit    `json:"time_limit,omitzero"`
	Tests     []TestResult `json:"tests"`
	// Lint is the linter's findings (pyflakes, run in the sandbox): advisory, never part of the
	// verdict. Absent when no linter ran.
	Lint *Lint `json:"lint,omitempty"`
	// Complexity is the submission's growth class estimated on the problem's size ladder, and
	// Ladder that ladder with the reference's estimate (judge run --complexity): advisory, never
	// part of the verdict. Absent when not measured.
	Complexity *Complexity    `json:"complexity,omitempty"`
	Ladder     *LadderSummary `json:"ladder,omitempty"`
}

// TestResult is the verdict of one test. Input, Expected, Actual and Stderr are filled for sample
// tests, and for hidden tests only when the report is revealed (interviewers).
type TestResult struct {
	Index      int      `json:"index"`
	Name       string   `json:"name"`
	Group      string   `json:"group"`
	Sample     bool     `json:"sample"`
	Verdict    Verdict  `json:"verdict"`
	CPUMillis  float64  `json:"cpu_ms"`
	WallMillis float64  `json:"wall_ms"`
	MemoryMiB  float64  `json:"memory_mib"`
	ExitCode   *int     `json:"exit_code,omitempty"`
	Signal     *int     `json:"signal,omitempty"`
	Message    string   `json:"message,omitempty"`
	Error      *PyError `json:"error,omitempty"`
	Input      *string  `json:"input,omitempty"`
	Expected   *string  `json:"expected,omitempty"`
	Actual     *string  `json:"actual,omitempty"`
	Stderr     *string  `json:"stderr,omitempty"`
	// Points is the test's score that its output validator gave in score.txt (custom scores).
	Points *float64 `json:"points,omitempty"`
	// Passes is how many passes a multi-pass problem's test ran (its times add them up).
	Passes int `json:"passes,omitempty"`
}

// MiBText shows a test's memory (MiB) as people read it: one decimal, and "< 0.1" below what
// one decimal shows (a test that allocates next to nothing over its process's start read
// "0.0", like a failed measurement). The terminal's table and the pages both show it so.
func MiBText(v float64) string {
	if v < 0.05 {
		return "< 0.1"
	}
	return fmt.Sprintf("%.1f", v)
}

// Failed reports whether the test did not pass.
func (t TestResult) Failed() bool { return t.Verdict != Accepted }

// Slowest returns the test with the most CPU time, or nil.
func (r *Report) Slowest() *TestResult {
	var s *TestResult
	for i := range r.Tests {
		if s == nil || r.Tests[i].CPUMillis > s.CPUMillis {
			s = &r.Tests[i]
		}
	}
	return s
}

// FirstFailure returns the first test in order that did not pass, or nil.
func (r *Report) FirstFailure() *TestResult {
	for i := range r.Tests {
		if r.Tests[i].Failed() {
			return &r.Tests[i]
		}
	}
	return nil
}
