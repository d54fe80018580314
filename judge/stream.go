package judge

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// validations runs a problem's custom output validator beside the submission: each output
// goes to the validator as soon as its test ends, in a sandbox asked for when the judging starts
// (prepare), so the validator's start and its work overlap the submission's start and its
// remaining tests instead of following them. Tests whose validator takes other arguments (test
// data groups may give their own) get a sandbox of their own; tests arrive in order, so that is
// one per run of such tests.
type validations struct {
	j     *Judge
	ctx   context.Context
	p     *Problem
	pass  int
	state []map[string][]byte
	runs  []*validatorRun
}

func (j *Judge) newValidations(ctx context.Context, p *Problem, pass int, state []map[string][]byte) *validations {
	return &validations{j: j, ctx: ctx, p: p, pass: pass, state: state}
}

// validatorRun is one validator sandbox and the tests given to it, in order.
type validatorRun struct {
	args   []string
	cancel context.CancelFunc
	done   chan struct{}

	mu      sync.Mutex
	tests   []int
	outputs [][]byte
	closed  bool          // no more tests will come
	changed chan struct{} // closed (and replaced) when tests or closed change
	res     map[int]validated
	info    RunInfo
	err     error
}

// add gives test i's output to the validator, starting its sandbox when this is the first test
// with these arguments. It never waits: the submission's sandbox calls it between tests.
func (v *validations) add(i int, output []byte) {
	args := v.p.Validation.TestValidatorArgs(v.p.Tests[i])
	var r *validatorRun
	if n := len(v.runs); n > 0 && slices.Equal(v.runs[n-1].args, args) {
		r = v.runs[n-1]
	} else {
		if n > 0 {
			v.runs[n-1].close()
		}
		r = v.start(args)
		v.runs = append(v.runs, r)
	}
	r.mu.Lock()
	r.tests = append(r.tests, i)
	r.outputs = append(r.outputs, output)
	r.signal()
	r.mu.Unlock()
}

// prepare starts the validator's sandbox for test i's arguments before any output is known:
// its start-up (a session job's process, the validator's module) then overlaps the submission's
// own start instead of following its first test.
func (v *validations) prepare(i int) {
	v.runs = append(v.runs, v.start(v.p.Validation.TestValidatorArgs(v.p.Tests[i])))
}

// start starts a validator's sandbox (compiling a C or C++ validator first, once per package)
// on the tests add gives it.
func (v *validations) start(args []string) *validatorRun {
	ctx, cancel := context.WithCancel(v.ctx)
	r := &validatorRun{args: args, cancel: cancel, done: make(chan struct{}), changed: make(chan struct{}), res: map[int]validated{}}
	go func() {
		defer close(r.done)
		prog, sb, err := v.j.validatorFor(ctx, v.p)
		if err != nil {
			r.mu.Lock()
			r.err = err
			r.mu.Unlock()
			return
		}
		// As many tests as the problem has, at most: the job ends after the last one given
		// (next), where the harness ends a request that stops at a test boundary.
		job := validatorJob(v.p, prog, args, len(v.p.Tests), func(k int) (int, []byte, bool) { return r.next(ctx, k) }, ValidatorLimits, v.state)
		info, err := sb.Run(ctx, job, func(e Execution) bool {
			r.mu.Lock()
			defer r.mu.Unlock()
			if e.Test < 0 || e.Test >= len(r.tests) {
				return false
			}
			val := validated{exec: e}
			val.verdict, val.message, val.outcome = validatorVerdict(v.p, e, v.pass)
			val.points = val.outcome.points
			r.res[r.tests[e.Test]] = val
			return true
		})
		if err != nil {
			err = fmt.Errorf("output validator: %w", err)
		}
		r.mu.Lock()
		r.info, r.err = info, err
		r.mu.Unlock()
	}()
	return r
}

// next waits for the run's k-th test and returns it with its output, or says there is none
// (no more will come, or the run was stopped): the job ends there.
func (r *validatorRun) next(ctx context.Context, k int) (int, []byte, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for k >= len(r.tests) && !r.closed {
		ch := r.changed
		r.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
		}
		r.mu.Lock()
		if ctx.Err() != nil {
			return 0, nil, false
		}
	}
	if k >= len(r.tests) {
		return 0, nil, false
	}
	return r.tests[k], r.outputs[k], true
}

// signal wakes whoever waits for a change. r.mu held.
func (r *validatorRun) signal() {
	close(r.changed)
	r.changed = make(chan struct{})
}

// close says no more tests will come.
func (r *validatorRun) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	r.signal()
}

// wait closes every run and returns what the validator made of each output given to it.
func (v *validations) wait() (map[int]validated, error) {
	for _, r := range v.runs {
		r.close()
	}
	res := map[int]validated{}
	var errs []error
	for _, r := range v.runs {
		<-r.done
		r.mu.Lock()
		switch {
		case r.err != nil:
			errs = append(errs, r.err)
		case r.info.CompileError != nil:
			errs = append(errs, fmt.Errorf("output validator of %s does not compile: %s", v.p.ID, r.info.CompileError.Message))
		case len(r.res) != len(r.tests):
			errs = append(errs, errors.New("output validator: the sandbox stopped before validating every output"))
		}
		for i, val := range r.res {
			res[i] = val
		}
		r.mu.Unlock()
	}
	if len(errs) > 0 {
		return nil, errs[0]
	}
	return res, nil
}

// stop ends every run by giving it no more tests: its job ends where its tests do, so that a
// validator session's container serves the next judging instead of going with a cancelled job
// (a submission that did not compile, or whose tests all failed before reaching the validator,
// gives it none). A run still waiting for its sandbox goes on to it and ends there: in a pool
// that container was warm already or starting anyway, and it joins the session; a lone
// judging's validator container starts beside the submission's, so little is left to wait
// for. Each job's own wall budget bounds the wait, and the judging's context still cancels it.
// After wait, a no-op.
func (v *validations) stop() {
	for _, r := range v.runs {
		r.close()
	}
	for _, r := range v.runs {
		<-r.done
		r.cancel()
	}
}
