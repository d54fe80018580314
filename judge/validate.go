package judge

import (
	"context"
	"fmt"
)

// The exit codes of the Kattis validators (input and output validators alike): 42 accepts (a
// valid input, a correct output), 43 rejects; anything else is a failure of the validator.
const (
	ExitAccept = 42
	ExitReject = 43
)

// InputCheck is what the input validator made of one input: Valid when it exited ExitAccept;
// else Status and the start of its standard error say what happened. Ran is false for an input
// the sandbox never got to.
type InputCheck struct {
	Ran    bool
	Valid  bool
	Status Status
	Stderr string
}

// ValidateInputs runs the problem's input validator (problem-author code: in the sandbox) on
// each input, as a stdio program whose exit code ExitAccept says the input is valid. It needs a
// Python validator (Compiled() is false). It returns one check per input; the RunInfo says
// whether the validator compiled and how many inputs it completed.
func ValidateInputs(ctx context.Context, sb Sandbox, v *Program, inputs [][]byte, limits JobLimits) ([]InputCheck, RunInfo, error) {
	if v.Compiled() {
		return nil, RunInfo{}, fmt.Errorf("input validator %s is C/C++: only Python input validators run so far: %w", v.Entry, ErrBadInput)
	}
	job := Job{Mode: JobStdio, Filename: v.Entry, Source: v.Files[v.Entry], Limits: limits, Tests: len(inputs),
		Frames: func(i int) [][]byte { return [][]byte{inputs[i]} }}
	checks := make([]InputCheck, len(inputs))
	info, err := sb.Run(ctx, job, func(e Execution) bool {
		if e.Test < 0 || e.Test >= len(inputs) {
			return false
		}
		c := InputCheck{Ran: true, Valid: e.ExitCode != nil && *e.ExitCode == ExitAccept, Status: e.Status, Stderr: e.Stderr}
		if len(c.Stderr) > 200 {
			c.Stderr = c.Stderr[:200]
		}
		checks[e.Test] = c
		return true
	})
	return checks, info, err
}
