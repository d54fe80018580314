// Package judge is the domain of the judge: problems, tests, submissions, verdicts and reports,
// and the Judge that turns a submission into a report. It never imports Docker, cobra, YAML or
// anything else that talks to the outside world: those live in adapter packages below it.
package judge

import (
	"time"
)

// Mode says how a submission is run.
type Mode string

const (
	// Stdio runs the submission as a program: test input on stdin, answer on stdout.
	Stdio Mode = "stdio"
	// Function calls one function of the submission with the test's JSON arguments.
	Function Mode = "function"
)

// Problem is one problem package, loaded.
type Problem struct {
	ID         string // directory name, e.g. "two-sum"
	Name       string
	Difficulty string
	Mode       Mode
	Limits     Limits
	// TimeLimit says how Limits.Time was derived (Calibration.Apply); nil: it is the declared one.
	TimeLimit  *TimeLimit
	Validation Validation
	Function   *FunctionSpec // nil in stdio mode
	Forbidden  Forbidden
	Statement  string
	Starter    []byte
	Tests      []Test
	// InputValidator checks test inputs (judge verify); nil when the package has none.
	InputValidator *Program
	// Submissions are the package's own solutions, by the verdict their folder demands.
	Submissions []PackageSubmission
}

// Limits bound every test of a problem.
type Limits struct {
	Time      time.Duration // CPU time per test
	MemoryMiB int
	OutputMiB int
}

// Validation says how an output is judged.
type Validation struct {
	Flags     []string // Kattis validator_flags (and `unordered` for function mode)
	Validator *Program // nil: the default checker
}

// Program is a Python program shipped in a problem package (validator), as files in memory.
type Program struct {
	Entry string            // file to run, relative to the program's folder
	Files map[string][]byte // name -> content
}

// FunctionSpec declares the function a function-mode submission must define.
type FunctionSpec struct {
	Name    string   `json:"name"`
	Params  []string `json:"params"`  // adapter per positional argument: json, ListNode, TreeNode
	Returns string   `json:"returns"` // adapter for the returned value
}

// Forbidden lists constructs a submission may not use, found statically before any test runs.
type Forbidden struct {
	Calls   []string `json:"calls"`
	Methods []string `json:"methods"`
	Modules []string `json:"modules"`
	Syntax  []string `json:"syntax"`
}

// Test is one test case.
type Test struct {
	Name   string // path below data/ without extension, e.g. "secret/max/01-big"
	Group  string // "sample", "secret" or "secret/<subfolder>"
	Sample bool
	Input  []byte
	Answer []byte
}

// PackageSubmission is a solution shipped with the problem and the verdict it must get.
type PackageSubmission struct {
	Path     string // relative to the problem directory
	Expected Verdict
	Source   []byte
}

// Adapter names accepted in FunctionSpec.
var Adapters = map[string]bool{"json": true, "ListNode": true, "TreeNode": true}

// ForbiddenSyntax names accepted in Forbidden.Syntax.
var ForbiddenSyntax = map[string]bool{"slice": true, "in": true}
