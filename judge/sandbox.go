package judge

import (
	"context"
	"time"
)

// Sandbox runs one Job in a fresh isolated environment and streams back what happened in each
// test. It reports raw facts (status, times, output); the Judge decides verdicts. each returns
// false to stop the run early (the sandbox is then destroyed without running the other tests).
type Sandbox interface {
	Run(ctx context.Context, job Job, each func(Execution) bool) (RunInfo, error)
}

// JobMode is what the harness does with a job.
type JobMode string

const (
	JobStdio    JobMode = "stdio"
	JobFunction JobMode = "function"
	// JobValidate runs a problem's output validator over (input, answer, output) triples.
	JobValidate JobMode = "validate"
	// JobCompile compiles a C or C++ validator (one test, no frames); the output is the binary.
	JobCompile JobMode = "compile"
)

// Job is one submission (or one validator) and the tests to run it on.
type Job struct {
	Mode      JobMode
	Filename  string
	Source    []byte
	Function  *FunctionSpec
	Forbidden Forbidden
	Validator *Program
	Flags     []string
	Limits    JobLimits
	// Tests is the number of tests; Frames(i) returns the frames that feed test i (stdio and
	// function: the input; validate: input, answer, team output). It is called lazily, when
	// the sandbox is ready for test i, and may wait until they are known (a validator's frames
	// wait for the submission's output); nil says test i will not come, and the job ends
	// before it.
	Tests  int
	Frames func(i int) [][]byte
	// Interactive joins each test's standard input and output with another job's (Interactor):
	// a stdio submission's with its interactive validator's, a validate job's the other way.
	Interactive bool
	// Feedback (validate jobs): each test has a fourth frame, the JSON of the feedback folder's
	// files from its previous pass (empty: none), and its Execution returns the folder's files
	// (score.txt, nextpass.in, a multi-pass validator's own state).
	Feedback bool
	// Isolate (stdio and function mode) runs every test in a process of its own instead of a
	// run of tests sharing one (docs/harness-protocol.md, "Function mode: tests share a
	// process", "Stdio programs: tests share a process"): for measurements where a test must
	// not inherit what an earlier one left, such as a memo that would make the ladder's repeats
	// free.
	Isolate bool
}

// Interactor is a Sandbox that can run an interactive problem's test: the submission's job in
// this sandbox and the validator's job in val (this one, or a validator image's), each in its
// own container, at once, with each test's standard streams of one joined to the other's.
// Neither sees the other's files or processes. each gets the tests in order, both sides of one
// test together; returning false stops both.
type Interactor interface {
	Interact(ctx context.Context, job Job, val Sandbox, vjob Job, each func(Exchange) bool) (RunInfo, error)
}

// Exchange is one test of an interactive problem: what the submission did and what its
// validator did.
type Exchange struct {
	Sub, Val Execution
}

// JobLimits are the harness's limits for each test.
type JobLimits struct {
	Time        time.Duration // CPU
	Wall        time.Duration // per test
	MemoryMiB   int
	OutputBytes int
	StderrBytes int
}

// Status is the harness's raw classification of one test run.
type Status string

const (
	StatusOK        Status = "ok"
	StatusRaised    Status = "raised"
	StatusRE        Status = "re"
	StatusTLE       Status = "tle"
	StatusMLE       Status = "mle"
	StatusOLE       Status = "ole"
	StatusBadReturn Status = "bad_return"
	StatusInternal  Status = "internal"
)

// Execution is what happened in one test, as the harness measured it.
type Execution struct {
	Test     int
	Status   Status
	CPU      time.Duration
	Wall     time.Duration
	MemoryKB int64
	ExitCode *int
	Signal   *int
	Error    *PyError
	Detail   string
	Stderr   string
	Output   []byte
	// Ended is when the test's process ended, on the judging machine's monotonic clock, for
	// interactive jobs (0 otherwise): which side of an interaction ended first decides between
	// their verdicts. Both sandboxes of an interaction share the machine's clock.
	Ended time.Duration
	// Feedback is a validator's feedback folder after the test, by relative name (Job.Feedback).
	Feedback map[string][]byte
}

// PyError is an exception raised by the submission.
type PyError struct {
	Type    string   `json:"type"`
	MRO     []string `json:"mro,omitempty"`
	Message string   `json:"message"`
}

// RunInfo describes a whole sandbox run.
type RunInfo struct {
	Python       string
	Image        string
	CompileError *CompileFailure
	// Killed is set when the sandbox was stopped from outside (wall-clock limit of the whole run,
	// OOM of the harness): the first test without an Execution then counts as TLE / MLE, the
	// others as not run (NR).
	Killed    Status
	Completed int // tests that reported a result
	// Lint is what the linter in the sandbox found in the submission; nil when it did not run
	// (validate mode, a compile error, an image without it).
	Lint *Lint
}

// Lint is a linter's findings on a submission: advisory, shown beside the verdict, never part
// of it.
type Lint struct {
	Tool     string        `json:"tool"` // e.g. "pyflakes 2.5.0"
	Findings []LintFinding `json:"findings"`
	// Total counts every finding; Findings holds at most the first 100.
	Total int `json:"total"`
	// Error says why the linter itself failed on this source (no findings then).
	Error string `json:"error,omitempty"`
}

// LintFinding is one finding, e.g. line 1 UnusedImport "'os' imported but unused".
type LintFinding struct {
	Line    int    `json:"line"`
	Col     int    `json:"col"`
	Kind    string `json:"kind"`
	Message string `json:"message"`
}

// CompileFailure is a syntax error or a forbidden construct.
type CompileFailure struct {
	Kind    string `json:"kind"` // syntax | forbidden
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}
