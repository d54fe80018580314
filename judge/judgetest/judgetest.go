// Package judgetest is the one fake judge.Sandbox for the tests of every package that judges
// (as net/http/httptest is for HTTP): it answers each test of a job from a script, the way the
// harness would report it, and records the jobs it was given. It runs nothing and must never be
// used outside tests.
package judgetest

import (
	"context"
	"fmt"
	"sync"

	"github.com/judge-dev/judge/judge"
)

// Sandbox is a scripted judge.Sandbox. It is safe for concurrent use.
type Sandbox struct {
	// Exec answers one test of a job from the frames that feed it (stdio and function: the
	// input; validate: input, answer and output). ok false stops the run before that test, as a
	// sandbox killed from outside or gone would; Run then returns Info (say, Killed).
	Exec func(job judge.Job, frames [][]byte) (e judge.Execution, ok bool)
	// Info is what every Run returns (Completed counts the tests answered). With a CompileError
	// no test runs.
	Info judge.RunInfo
	// Err is returned by every Run, after the tests.
	Err error

	mu   sync.Mutex
	jobs []Run
}

// Run is one job the fake was given and the frames of the tests it answered, in order.
type Run struct {
	Job    judge.Job
	Frames [][][]byte
}

var _ judge.Sandbox = (*Sandbox)(nil)

// Run answers the job's tests in order until Exec says stop or each returns false.
func (s *Sandbox) Run(_ context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	r := Run{Job: job}
	defer func() {
		s.mu.Lock()
		s.jobs = append(s.jobs, r)
		s.mu.Unlock()
	}()
	info := s.Info
	if info.CompileError != nil {
		return info, s.Err
	}
	for i := 0; i < job.Tests; i++ {
		frames := job.Frames(i)
		if frames == nil {
			break // no such test: the job ends here
		}
		e, ok := s.Exec(job, frames)
		if !ok {
			break
		}
		r.Frames = append(r.Frames, frames)
		e.Test = i
		info.Completed++
		if !each(e) {
			break
		}
	}
	return info, s.Err
}

var _ judge.Interactor = (*Sandbox)(nil)

// Interact answers each test of an interactive problem: the submission's side from this fake's
// Exec, the validator's from val's (val must be a *Sandbox, possibly this one), in order, until
// either Exec says stop or each returns false. Both jobs are recorded, each in its own fake.
func (s *Sandbox) Interact(_ context.Context, job judge.Job, val judge.Sandbox, vjob judge.Job, each func(judge.Exchange) bool) (judge.RunInfo, error) {
	v, ok := val.(*Sandbox)
	if !ok {
		return judge.RunInfo{}, fmt.Errorf("judgetest: the validator's sandbox is a %T, not a *judgetest.Sandbox", val)
	}
	r, vr := Run{Job: job}, Run{Job: vjob}
	defer func() {
		s.mu.Lock()
		s.jobs = append(s.jobs, r)
		s.mu.Unlock()
		v.mu.Lock()
		v.jobs = append(v.jobs, vr)
		v.mu.Unlock()
	}()
	info := s.Info
	if info.CompileError != nil {
		return info, s.Err
	}
	for i := 0; i < job.Tests && i < vjob.Tests; i++ {
		frames, vframes := job.Frames(i), vjob.Frames(i)
		e, ok := s.Exec(job, frames)
		if !ok {
			break
		}
		ve, ok := v.Exec(vjob, vframes)
		if !ok {
			break
		}
		r.Frames, vr.Frames = append(r.Frames, frames), append(vr.Frames, vframes)
		e.Test, ve.Test = i, i
		info.Completed++
		if !each(judge.Exchange{Sub: e, Val: ve}) {
			break
		}
	}
	return info, s.Err
}

// Runs returns the jobs run so far, in the order they finished.
func (s *Sandbox) Runs() []Run {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Run(nil), s.jobs...)
}
