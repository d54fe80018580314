package judge

import (
	"context"
	"fmt"
	"time"
)

// Interactive problems (Kattis `validation: custom interactive`, 2023-07 `type: interactive`):
// the submission never sees the test's input. The output validator gets the input and the
// answer, as for any custom validator, and talks with the submission while it runs: what the
// validator writes is the submission's standard input, what the submission writes is the
// validator's. Each runs in its own sandbox (Interactor), charged its own time.

// interactiveValidatorLimits bound an interactive validator. Its wall clock runs while it waits
// for the submission, so it gets the submission's whole wall allowance (a starved submission may
// use up to WallStarved of them) and more: the submission's own limits stop a submission that
// hangs, and the validator then reads the end of its output.
func interactiveValidatorLimits(sub JobLimits) JobLimits {
	l := ValidatorLimits
	if w := (1+WallStarved)*sub.Wall + 10*time.Second; w > l.Wall {
		l.Wall = w
	}
	return l
}

// WallStarved is how many wall limits more a test may last while its processes wait for a CPU
// or for the kernel's I/O (the harness's WALL_STARVED_MAX, docs/harness-protocol.md; a harness
// test keeps the two equal): a starved test is not a sleeping one. It bounds only a test that
// is starved: one that sleeps waits for nothing and ends at its plain wall limit.
const WallStarved = 5

// interact runs the tests run (indexes into p.Tests) of an interactive problem: the submission's
// job beside its validator's, one run per distinct validator argument list (test data groups
// may give their own, in order). each gets the submission's side of each test; vals receives
// the validator's side, by test index, before each is called.
func (j *Judge) interact(ctx context.Context, p *Problem, job Job, run []int, pass int, state []map[string][]byte, vals map[int]Execution, each func(Execution) bool) (RunInfo, error) {
	ia, ok := j.Sandbox.(Interactor)
	if !ok {
		return RunInfo{}, fmt.Errorf("judge %s: an interactive problem needs a sandbox that runs a validator beside the submission, and %T cannot: %w", p.ID, j.Sandbox, ErrUnavailable)
	}
	prog, vsb, err := j.validatorFor(ctx, p)
	if err != nil {
		return RunInfo{}, err
	}
	var all RunInfo
	start := 0
	for _, part := range argRuns(p, run) {
		sub := job
		sub.Tests = len(part)
		// The submission's sandbox never holds the input: it is the validator's to reveal.
		sub.Frames = func(int) [][]byte { return [][]byte{nil} }
		args := p.Validation.TestValidatorArgs(p.Tests[part[0]])
		vjob := validatorJob(p, prog, args, len(part), func(k int) (int, []byte, bool) { return part[k], nil, true },
			interactiveValidatorLimits(job.Limits), state)
		going := true
		info, err := ia.Interact(ctx, sub, vsb, vjob, func(x Exchange) bool {
			if x.Sub.Test < 0 || x.Sub.Test >= len(part) {
				going = false
				return false
			}
			x.Sub.Test += start
			vals[run[x.Sub.Test]] = x.Val
			going = each(x.Sub)
			return going
		})
		if start == 0 {
			all.Python, all.Image, all.Lint = info.Python, info.Image, info.Lint
		}
		all.CompileError, all.Killed = info.CompileError, info.Killed
		all.Completed += info.Completed
		if err != nil {
			return all, fmt.Errorf("judge %s: %w", p.ID, err)
		}
		if !going || info.CompileError != nil || info.Completed < len(part) {
			return all, nil
		}
		start += len(part)
	}
	return all, nil
}

// decideExchange judges one test of an interactive problem as Kattis's tools do (problemtools,
// BAPCtools):
//   - a validator that did not exit 42 or 43 is the judge's failure, and so is a submission
//     whose test never started (its sandbox found no validator to talk to);
//   - when the validator ended first: TLE if the submission went over its CPU limit, else WA
//     if the validator rejected, else the submission's own failure if it then failed (it must
//     still exit cleanly), else AC;
//   - when the submission ended first: its failure (RE, TLE, MLE, ...) if it failed, else the
//     validator's verdict.
//
// Each side's end is when its harness saw it (Execution.Ended, one clock for both); a
// submission that failed on a broken pipe or the end of its input (brokenByPeer) ended after
// the validator whatever the clocks say, since only the validator's end causes that.
func decideExchange(p *Problem, x Exchange, pass int) (Verdict, string, outcome) {
	s, v := x.Sub, x.Val
	vv, message, o := validatorVerdict(p, v, pass)
	switch {
	case vv == InternalError:
		return InternalError, "interactive validator: " + message, outcome{}
	case s.Status == StatusInternal:
		return InternalError, "the submission's side of the interaction did not start: " + s.Detail, outcome{}
	}
	rejected := vv == WrongAnswer
	failure, why, failed := runFailure(p, s)
	if brokenByPeer(s) || v.Ended > 0 && s.Ended > 0 && v.Ended < s.Ended {
		switch {
		case s.Status == StatusTLE || OverCPU(p, s):
			return TimeLimitExceeded, why, outcome{}
		case rejected:
			return WrongAnswer, message, outcome{}
		case failed:
			return failure, why, outcome{}
		}
		return Accepted, "", o
	}
	if failed {
		return failure, why, outcome{}
	}
	if rejected {
		return WrongAnswer, message, outcome{}
	}
	return Accepted, "", o
}

// brokenByPeer reports a submission that failed because the validator had ended the
// interaction: it wrote to a pipe nobody reads (Python raises BrokenPipeError; SIGPIPE where a
// program restored it) or read past the end of its input with input() (EOFError).
func brokenByPeer(e Execution) bool {
	if e.Signal != nil && *e.Signal == sigpipe {
		return true
	}
	return e.Error != nil && (e.Error.Type == "BrokenPipeError" || e.Error.Type == "EOFError")
}

const sigpipe = 13
