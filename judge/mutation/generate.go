// Package mutation measures how strong a problem's hidden tests are (judge verify --mutants): it
// makes first-order mutants of the problem's accepted submissions, judges each against the
// tests, and triages the survivors by a differential run against the reference on many small
// inputs. A survivor that answers differently somewhere is a test gap, reported with the
// smallest such input and the reference's answer (a ready test); one that never differs is
// probably equivalent. Everything Python (the mutant generator, the submissions, the input
// validator) runs in the sandbox; this package decides nothing about verdicts itself.
package mutation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/judge-dev/judge/judge"
	pyrunner "github.com/judge-dev/judge/runner-images/python"
)

// Mutant is one first-order change to an accepted submission.
type Mutant struct {
	Origin   string `json:"origin"` // the accepted submission it was made from
	Line     int    `json:"line"`
	Operator string `json:"operator"` // compare, arith, constant, boolean, not, slice, return, delete
	What     string `json:"what"`
	Diff     string `json:"diff"`
	Source   []byte `json:"-"`
}

// toolLimits bound the Python tools this package runs in the sandbox (the mutant generator, the
// input validator over candidate inputs). 1024 MiB is the input validator's limit in verify, so
// one warm container serves both.
var toolLimits = judge.JobLimits{Time: 30 * time.Second, Wall: 90 * time.Second, MemoryMiB: 1024,
	OutputBytes: 32 << 20, StderrBytes: 16 << 10}

// Generate makes the mutants of one source by running mutate.py in the sandbox.
func Generate(ctx context.Context, sb judge.Sandbox, origin string, source []byte) ([]Mutant, error) {
	req, err := json.Marshal(map[string]string{"source": string(source)})
	if err != nil {
		return nil, err
	}
	output, err := runTool(ctx, sb, "mutate.py", pyrunner.Mutate, req)
	var tf *toolFailure
	switch {
	case errors.As(err, &tf):
		return nil, fmt.Errorf("mutants of %s: mutate.py %s", origin, tf.what)
	case err != nil:
		return nil, fmt.Errorf("mutants of %s: %w", origin, err)
	}
	var out struct {
		Error   string `json:"error"`
		Mutants []struct {
			Line     int    `json:"line"`
			Operator string `json:"operator"`
			What     string `json:"what"`
			Source   string `json:"source"`
			Diff     string `json:"diff"`
		} `json:"mutants"`
	}
	if err := json.Unmarshal(output, &out); err != nil {
		return nil, fmt.Errorf("mutants of %s: the generator's output: %v", origin, err)
	}
	if out.Error != "" {
		return nil, fmt.Errorf("mutants of %s: %s: %w", origin, out.Error, judge.ErrBadInput)
	}
	ms := make([]Mutant, 0, len(out.Mutants))
	for _, m := range out.Mutants {
		ms = append(ms, Mutant{Origin: origin, Line: m.Line, Operator: m.Operator, What: m.What, Diff: m.Diff, Source: []byte(m.Source)})
	}
	return ms, nil
}

// toolFailure is a Python tool that did not compile or did not end normally in the sandbox.
type toolFailure struct{ what string }

func (e *toolFailure) Error() string { return e.what }

// runTool runs a Python program in the sandbox (toolLimits) with input on stdin and returns what
// it printed. A program that does not compile or does not end normally is a *toolFailure; any
// other error is the judge's.
func runTool(ctx context.Context, sb judge.Sandbox, filename string, source, input []byte) ([]byte, error) {
	job := judge.Job{Mode: judge.JobStdio, Filename: filename, Source: source, Limits: toolLimits,
		Tests: 1, Frames: func(int) [][]byte { return [][]byte{input} }}
	var got *judge.Execution
	info, err := sb.Run(ctx, job, func(e judge.Execution) bool { got = &e; return false })
	if err != nil {
		return nil, err
	}
	if info.CompileError != nil {
		return nil, &toolFailure{"does not compile: " + info.CompileError.Message}
	}
	if got == nil || got.Status != judge.StatusOK || (got.ExitCode != nil && *got.ExitCode != 0) {
		msg := "no result"
		if got != nil {
			msg = strings.TrimSpace(fmt.Sprintf("%s %s %s", got.Status, got.Detail, strings.TrimSpace(got.Stderr)))
		}
		return nil, &toolFailure{"failed: " + msg}
	}
	return got.Output, nil
}
