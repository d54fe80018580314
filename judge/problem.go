// Package judge is the domain of the judge: problems, tests, submissions, verdicts and reports,
// and the Judge that turns a submission into a report. It never imports Docker, cobra, YAML or
// anything else that talks to the outside world: those live in adapter packages below it.
package judge

import (
	"time"

	"github.com/judge-dev/judge/judge/check"
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
	// Ladder is the size ladder for the complexity estimate; nil when the package has none.
	Ladder *Ladder
	// SmallInputs is generators/small_inputs.py: a program that prints small inputs, one JSON
	// value a line, on which the mutation test's triage compares survivors with the reference
	// (an exhaustive enumeration the author declares); nil when the package has none.
	SmallInputs []byte
	// Format is problem.yaml's problem_format_version ("legacy" when it has none).
	Format string
	// Scoring is the score tree of a scoring problem (type: scoring); nil for pass-fail ones.
	Scoring *ScoreNode
	// Margins are the package's time safety margins (judge verify); zero: the judge's defaults.
	Margins Margins
	// Passes is a multi-pass problem's most passes (2023-07 type multi-pass,
	// limits.validation_passes, default 2): a validator that accepts a pass and writes
	// nextpass.in has the submission run again on it. 0 for other problems.
	Passes int
}

// Margins are a package's time safety margins: 2023-07's limits.time_multipliers
// (ac_to_time_limit, time_limit_to_tle), legacy's limits.time_multiplier and time_safety_margin.
// Zero means not given.
type Margins struct {
	ACToTimeLimit  float64
	TimeLimitToTLE float64
}

// Limits bound every test of a problem.
type Limits struct {
	Time      time.Duration // CPU time per test
	MemoryMiB int
	OutputMiB int
}

// Validation says how an output is judged.
type Validation struct {
	// Flags are problem.yaml's validator_flags, as words. Whose they are depends on Validator:
	// see CheckerFlags and ValidatorArgs, the one place that decides it.
	Flags     []string
	Validator *Program // nil: the default checker
	// Interactive: the validator talks with the submission while it runs (Kattis `validation:
	// custom interactive`, 2023-07 `type: interactive`): the submission's standard input is
	// the validator's standard output and the other way round, and the validator's exit code
	// judges the test (interact.go). Needs Validator.
	Interactive bool
	// CustomScore: an accepting validator's feedback_dir/score.txt is the test's score in a
	// scoring problem (legacy `validation: custom score`, where ScoreRequired says it must write
	// one; a 2023-07 scoring problem's custom validator may).
	CustomScore, ScoreRequired bool
}

// CheckerFlags are the flags of the judge's own checker: validator_flags read as Kattis
// default-validator flags (plus `unordered` for function mode). With a custom output validator
// the flags belong to that validator, as in problemtools, so the checker gets none and nothing
// is parsed: a flag only the validator knows is not an error.
func (v Validation) CheckerFlags() (check.Flags, error) {
	if v.Validator != nil {
		return check.Flags{}, nil
	}
	return check.ParseFlagList(v.Flags)
}

// ValidatorArgs are the arguments the custom output validator gets after feedback_dir: the
// validator_flags, unread. Nil without a custom validator.
func (v Validation) ValidatorArgs() []string {
	if v.Validator == nil {
		return nil
	}
	return v.Flags
}

// TestCheckerFlags are the judge's checker flags for one test: its group's own arguments when
// it has them (2023-07 output_validator_args, legacy output_validator_flags), else the problem's.
func (v Validation) TestCheckerFlags(t Test) (check.Flags, error) {
	if v.Validator != nil || t.ValidatorArgs == nil {
		return v.CheckerFlags()
	}
	return check.ParseFlagList(t.ValidatorArgs)
}

// TestValidatorArgs are the custom output validator's arguments for one test: its group's own,
// else the problem's validator_flags.
func (v Validation) TestValidatorArgs(t Test) []string {
	if v.Validator == nil {
		return nil
	}
	if t.ValidatorArgs != nil {
		return t.ValidatorArgs
	}
	return v.Flags
}

// Program is a program shipped in a problem package (validator), as files in memory.
type Program struct {
	Entry string            // file to run, relative to the program's folder
	Files map[string][]byte // name -> content
	// Lang is LangPython (run by the runner image's python3) or LangC / LangCPP (compiled once
	// in the validator image, ValidatorSandbox).
	Lang string
	// Binary is a compiled program's executable (set by ValidatorSandbox, never by a package).
	Binary []byte
	// Function, for a Python output validator, names a function of Entry's module that judges
	// one output (problem.yaml's validator_function, the judge's extension): the module is
	// loaded once per sandbox and the function called for each test, function(input, answer,
	// output) on the three texts, returning True (accepted), False or a message (wrong
	// answer). Empty: Entry is a Kattis validator program, run once per test.
	Function string
}

// Program languages.
const (
	LangPython = "python"
	LangC      = "c"
	LangCPP    = "cpp"
)

// Compiled reports whether the program is compiled (C or C++) rather than run by python3.
func (p *Program) Compiled() bool { return p.Lang == LangC || p.Lang == LangCPP }

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
	// ValidatorArgs are the test's own output validator arguments (its group's
	// output_validator_args / output_validator_flags); nil: the problem's validator_flags.
	ValidatorArgs []string
}

// PackageSubmission is a solution shipped with the problem and the verdict it must get.
type PackageSubmission struct {
	Path     string // relative to the problem directory
	Expected Verdict
	Source   []byte
	// Score, when set, is the [min, max] range the submission's points must fall in (scoring
	// problems: 2023-07 submissions.yaml `score`, or accepted = the maximum).
	Score *[2]float64
}

// Adapter names accepted in FunctionSpec.
var Adapters = map[string]bool{"json": true, "ListNode": true, "TreeNode": true}

// ForbiddenSyntax names accepted in Forbidden.Syntax.
var ForbiddenSyntax = map[string]bool{"slice": true, "in": true}
