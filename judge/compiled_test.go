package judge_test

import (
	"context"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/judgetest"
)

func cppProblem() *judge.Problem {
	p := stdioProblem("1", "2")
	p.Validation.Validator = &judge.Program{Entry: "v.cc", Lang: judge.LangCPP, Files: map[string][]byte{
		"v.cc": []byte("#include \"validate.h\"\nint main(){}\n"), "validate.h": []byte("// header\n")}}
	return p
}

// The validator sandbox compiles a C++ validator once (by the hash of its sources), and the
// binary, not the sources, is what every validate job carries there; the submission's sandbox
// never sees either.
func TestCompiledValidatorRunsInItsOwnSandbox(t *testing.T) {
	p := cppProblem()
	vsb := &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		code := 0
		switch job.Mode {
		case judge.JobCompile:
			return judge.Execution{Status: judge.StatusOK, ExitCode: &code, Output: []byte("ELF")}, true
		case judge.JobValidate:
			code = 42
			if string(frames[2]) != string(frames[1]) {
				code = 43
			}
			return judge.Execution{Status: judge.StatusOK, ExitCode: &code}, true
		}
		return judge.Execution{}, false
	}}
	vs := &judge.ValidatorSandbox{Sandbox: vsb}
	for _, out := range []string{"2", "x"} {
		sub := fake(p, nil, ok(0, "1"), ok(1, out))
		rep, err := (&judge.Judge{Sandbox: sub, Validators: vs}).Judge(context.Background(), p, src, judge.Options{})
		require.NoError(t, err)
		assert.Len(t, sub.Runs(), 1, "only the submission runs in the runner sandbox")
		if out == "2" {
			assert.Equal(t, judge.Accepted, rep.Verdict)
		} else {
			assert.Equal(t, judge.WrongAnswer, rep.Verdict)
		}
	}
	runs := vsb.Runs()
	require.Len(t, runs, 3, "one compile, then one validate job per judging")
	assert.Equal(t, judge.JobCompile, runs[0].Job.Mode)
	for _, r := range runs[1:] {
		assert.Equal(t, judge.JobValidate, r.Job.Mode)
		assert.Equal(t, []byte("ELF"), r.Job.Validator.Binary)
	}
	assert.Nil(t, p.Validation.Validator.Binary, "the package's program is not changed")
}

func TestCompiledValidatorErrors(t *testing.T) {
	t.Run("no validator sandbox", func(t *testing.T) {
		p := cppProblem()
		_, err := (&judge.Judge{Sandbox: fake(p, nil, ok(0, "1"), ok(1, "2"))}).Judge(context.Background(), p, src, judge.Options{})
		require.ErrorIs(t, err, judge.ErrUnavailable)
		assert.Contains(t, err.Error(), "judge image build --validator")
	})
	t.Run("does not compile", func(t *testing.T) {
		p := cppProblem()
		vsb := &judgetest.Sandbox{Exec: func(job judge.Job, _ [][]byte) (judge.Execution, bool) {
			code := 1
			return judge.Execution{Status: judge.StatusRE, ExitCode: &code, Detail: "the compiler exited with code 1", Stderr: "v.cc:2: error: 'x' was not declared"}, true
		}}
		j := &judge.Judge{Sandbox: fake(p, nil, ok(0, "1"), ok(1, "2")), Validators: &judge.ValidatorSandbox{Sandbox: vsb}}
		_, err := j.Judge(context.Background(), p, src, judge.Options{})
		require.ErrorIs(t, err, judge.ErrBadInput)
		assert.Contains(t, err.Error(), "'x' was not declared")
	})
	t.Run("digest follows the sources", func(t *testing.T) {
		a, b := cppProblem().Validation.Validator, cppProblem().Validation.Validator
		assert.Equal(t, judge.ProgramDigest(a), judge.ProgramDigest(b))
		b.Files["validate.h"] = []byte("// other\n")
		assert.NotEqual(t, judge.ProgramDigest(a), judge.ProgramDigest(b))
	})
}

// cutSandbox's first compile waits until its caller's context ends; later ones succeed.
type cutSandbox struct {
	started chan struct{}
	mu      sync.Mutex
	calls   int
}

func (s *cutSandbox) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	s.mu.Lock()
	s.calls++
	first := s.calls == 1
	s.mu.Unlock()
	if first {
		close(s.started)
		<-ctx.Done()
		return judge.RunInfo{}, ctx.Err()
	}
	code := 0
	each(judge.Execution{Status: judge.StatusOK, ExitCode: &code, Output: []byte("ELF")})
	return judge.RunInfo{}, nil
}

// One caller's cancelled compile is no answer for another caller of the same program: it
// compiles again instead of failing (serve judges many submissions of one problem at once).
func TestCompiledValidatorCancelledCompileIsNotShared(t *testing.T) {
	prog := cppProblem().Validation.Validator
	sb := &cutSandbox{started: make(chan struct{})}
	vs := &judge.ValidatorSandbox{Sandbox: sb}
	ctxA, cancelA := context.WithCancel(context.Background())
	errA := make(chan error, 1)
	go func() {
		_, err := vs.Binary(ctxA, prog)
		errA <- err
	}()
	<-sb.started
	type result struct {
		p   *judge.Program
		err error
	}
	calledB, resB := make(chan struct{}), make(chan result, 1)
	go func() {
		close(calledB)
		q, err := vs.Binary(context.Background(), prog)
		resB <- result{q, err}
	}()
	<-calledB
	runtime.Gosched() // let B reach the compile A is running, the case this is about
	cancelA()
	require.Error(t, <-errA, "A's own compile was cancelled")
	b := <-resB
	require.NoError(t, b.err, "B's context was never cancelled")
	assert.Equal(t, []byte("ELF"), b.p.Binary)
}

// A sandbox failure while compiling is the judge's, not the sources': it is not cached, so the
// next judging (serve runs for days) compiles again.
func TestCompiledValidatorSandboxFailureIsNotCached(t *testing.T) {
	calls := 0
	vsb := &judgetest.Sandbox{Exec: func(job judge.Job, _ [][]byte) (judge.Execution, bool) {
		calls++
		if calls == 1 {
			return judge.Execution{Status: judge.StatusInternal, Detail: "engine hiccup"}, true
		}
		code := 0
		return judge.Execution{Status: judge.StatusOK, ExitCode: &code, Output: []byte("ELF")}, true
	}}
	vs := &judge.ValidatorSandbox{Sandbox: vsb}
	prog := cppProblem().Validation.Validator
	_, err := vs.Binary(context.Background(), prog)
	require.Error(t, err)
	assert.NotErrorIs(t, err, judge.ErrBadInput, "the judge's failure, not the package's")
	q, err := vs.Binary(context.Background(), prog)
	require.NoError(t, err, "the failure was not cached")
	assert.Equal(t, []byte("ELF"), q.Binary)
}

func TestSandboxMemories(t *testing.T) {
	plain := &judge.Problem{Limits: judge.Limits{MemoryMiB: 256}}
	py := &judge.Problem{Limits: judge.Limits{MemoryMiB: 256}}
	py.Validation.Validator = &judge.Program{Entry: "v.py", Lang: judge.LangPython}
	cc := &judge.Problem{Limits: judge.Limits{MemoryMiB: 1024}}
	cc.Validation.Validator = &judge.Program{Entry: "v.cpp", Lang: judge.LangCPP}
	assert.Equal(t, []int{256}, judge.SandboxMemories(plain))
	assert.Equal(t, []int{256, judge.ValidatorLimits.MemoryMiB}, judge.SandboxMemories(py, plain), "a Python validator's sandbox is a second class, each class once")
	assert.Equal(t, []int{256, 1024}, judge.SandboxMemories(plain, cc), "a C++ validator runs in the validator image's sandbox, not the pool's")
}
