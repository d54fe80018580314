package judge_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
)

// fakeSandbox replays canned executions, as the harness would report them.
type fakeSandbox struct {
	execs []judge.Execution
	info  judge.RunInfo
	err   error
	// validate answers validator jobs: exit code per test.
	validate func(i int, frames [][]byte) int
	jobs     []judge.Job
}

func (f *fakeSandbox) Run(_ context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	f.jobs = append(f.jobs, job)
	if job.Mode == judge.JobValidate {
		for i := 0; i < job.Tests; i++ {
			code := f.validate(i, job.Frames(i))
			if !each(judge.Execution{Test: i, Status: judge.StatusOK, ExitCode: &code, Output: []byte("feedback")}) {
				break
			}
		}
		return judge.RunInfo{Completed: job.Tests}, nil
	}
	info := f.info
	for _, e := range f.execs {
		info.Completed++
		if !each(e) {
			break
		}
	}
	return info, f.err
}

func stdioProblem(answers ...string) *judge.Problem {
	p := &judge.Problem{ID: "p", Mode: judge.Stdio, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1}}
	for i, a := range answers {
		p.Tests = append(p.Tests, judge.Test{Name: "secret/" + string(rune('a'+i)), Group: "secret", Input: []byte("in"), Answer: []byte(a)})
	}
	p.Tests[0].Sample, p.Tests[0].Group = true, "sample"
	return p
}

func ok(i int, out string) judge.Execution {
	return judge.Execution{Test: i, Status: judge.StatusOK, CPU: 5 * time.Millisecond, Output: []byte(out)}
}

func intp(i int) *int { return &i }

var src = judge.Submission{Filename: "s.py", Source: []byte("print(1)\n")}

func TestVerdictLogic(t *testing.T) {
	cases := []struct {
		name   string
		p      *judge.Problem
		execs  []judge.Execution
		info   judge.RunInfo
		want   judge.Verdict
		passed int
		each   []judge.Verdict
	}{
		{"all accepted", stdioProblem("1", "2"), []judge.Execution{ok(0, "1\n"), ok(1, "2")}, judge.RunInfo{}, judge.Accepted, 2, []judge.Verdict{judge.Accepted, judge.Accepted}},
		{"first failure decides", stdioProblem("1", "2", "3"), []judge.Execution{ok(0, "1"), {Test: 1, Status: judge.StatusTLE}, ok(2, "4")}, judge.RunInfo{}, judge.TimeLimitExceeded, 1,
			[]judge.Verdict{judge.Accepted, judge.TimeLimitExceeded, judge.WrongAnswer}},
		{"cpu over limit is TLE even if the harness let it finish", stdioProblem("1"), []judge.Execution{{Test: 0, Status: judge.StatusOK, CPU: 1500 * time.Millisecond, Output: []byte("1")}}, judge.RunInfo{}, judge.TimeLimitExceeded, 0, nil},
		{"mle", stdioProblem("1"), []judge.Execution{{Test: 0, Status: judge.StatusMLE}}, judge.RunInfo{}, judge.MemoryLimitExceeded, 0, nil},
		{"ole", stdioProblem("1"), []judge.Execution{{Test: 0, Status: judge.StatusOLE}}, judge.RunInfo{}, judge.OutputLimitExceeded, 0, nil},
		{"re with signal", stdioProblem("1"), []judge.Execution{{Test: 0, Status: judge.StatusRE, Signal: intp(9)}}, judge.RunInfo{}, judge.RuntimeError, 0, nil},
		{"harness internal error is IE", stdioProblem("1", "2"), []judge.Execution{ok(0, "1"), {Test: 1, Status: judge.StatusInternal, Detail: "bad input"}}, judge.RunInfo{}, judge.InternalError, 1, nil},
		{"sandbox killed on wall clock: rest TLE", stdioProblem("1", "2", "3"), []judge.Execution{ok(0, "1")}, judge.RunInfo{Killed: judge.StatusTLE}, judge.TimeLimitExceeded, 1,
			[]judge.Verdict{judge.Accepted, judge.TimeLimitExceeded, judge.TimeLimitExceeded}},
		{"harness killed by the submission: RE", stdioProblem("1", "2"), []judge.Execution{ok(0, "1")}, judge.RunInfo{Killed: judge.StatusRE}, judge.RuntimeError, 1, nil},
		{"harness vanished: IE, not the candidate's fault", stdioProblem("1", "2"), []judge.Execution{ok(0, "1")}, judge.RunInfo{}, judge.InternalError, 1, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			j := &judge.Judge{Sandbox: &fakeSandbox{execs: tc.execs, info: tc.info}}
			rep, err := j.Judge(context.Background(), tc.p, src, judge.Options{})
			require.NoError(t, err)
			assert.Equal(t, tc.want, rep.Verdict)
			assert.Equal(t, tc.passed, rep.Passed)
			assert.Len(t, rep.Tests, len(tc.p.Tests))
			assert.InDelta(t, float64(tc.passed)/float64(len(tc.p.Tests)), rep.Score, 1e-9)
			for i, v := range tc.each {
				assert.Equal(t, v, rep.Tests[i].Verdict, "test %d", i)
			}
		})
	}
}

func TestCompileErrorRunsNoTest(t *testing.T) {
	j := &judge.Judge{Sandbox: &fakeSandbox{info: judge.RunInfo{CompileError: &judge.CompileFailure{Kind: "forbidden", Line: 3, Message: "forbidden: sorted() at line 3"}}}}
	rep, err := j.Judge(context.Background(), stdioProblem("1"), src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.CompileError, rep.Verdict)
	assert.Equal(t, "forbidden: sorted() at line 3", rep.Message)
	assert.Empty(t, rep.Tests)
}

func TestHiddenDetailsStayHidden(t *testing.T) {
	p := stdioProblem("1", "secret-answer")
	j := &judge.Judge{Sandbox: &fakeSandbox{execs: []judge.Execution{ok(0, "2"), ok(1, "x")}}}
	rep, err := j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	require.NotNil(t, rep.Tests[0].Expected, "sample details are shown")
	assert.Contains(t, rep.Tests[0].Message, "expected")
	assert.Nil(t, rep.Tests[1].Expected)
	assert.Nil(t, rep.Tests[1].Input)
	assert.Nil(t, rep.Tests[1].Actual)
	assert.NotContains(t, rep.Tests[1].Message, "secret-answer")

	j = &judge.Judge{Sandbox: &fakeSandbox{execs: []judge.Execution{ok(0, "2"), ok(1, "x")}}}
	rep, err = j.Judge(context.Background(), p, src, judge.Options{Reveal: true})
	require.NoError(t, err)
	require.NotNil(t, rep.Tests[1].Expected, "--reveal shows hidden details")
	assert.Equal(t, "secret-answer", *rep.Tests[1].Expected)
}

func TestFunctionMode(t *testing.T) {
	p := &judge.Problem{ID: "f", Mode: judge.Function, Function: &judge.FunctionSpec{Name: "f"}, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1},
		Tests: []judge.Test{
			{Name: "a", Answer: []byte("[1, 2]")},
			{Name: "b", Answer: []byte(`{"raises": "ValueError"}`)},
			{Name: "c", Answer: []byte(`{"raises": "ValueError"}`)},
			{Name: "d", Answer: []byte(`7`)},
		}}
	execs := []judge.Execution{
		ok(0, "[1,2]"),
		{Test: 1, Status: judge.StatusRaised, Error: &judge.PyError{Type: "MyError", MRO: []string{"MyError", "ValueError", "Exception"}}},
		ok(2, "3"),
		{Test: 3, Status: judge.StatusRaised, Error: &judge.PyError{Type: "KeyError", Message: "'x'"}},
	}
	j := &judge.Judge{Sandbox: &fakeSandbox{execs: execs}}
	rep, err := j.Judge(context.Background(), p, src, judge.Options{Reveal: true})
	require.NoError(t, err)
	got := []judge.Verdict{}
	for _, tr := range rep.Tests {
		got = append(got, tr.Verdict)
	}
	assert.Equal(t, []judge.Verdict{judge.Accepted, judge.Accepted, judge.WrongAnswer, judge.RuntimeError}, got)
	assert.Equal(t, "KeyError: 'x'", rep.Tests[3].Message)
}

func TestCustomValidator(t *testing.T) {
	p := stdioProblem("a", "b", "c")
	p.Validation.Validator = &judge.Program{Entry: "validate.py", Files: map[string][]byte{"validate.py": []byte("")}}
	fs := &fakeSandbox{
		execs: []judge.Execution{ok(0, "good"), ok(1, "bad"), {Test: 2, Status: judge.StatusTLE, CPU: 2 * time.Second}},
		validate: func(i int, frames [][]byte) int {
			if string(frames[2]) == "good" {
				return 42
			}
			return 43
		},
	}
	j := &judge.Judge{Sandbox: fs}
	rep, err := j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	require.Len(t, fs.jobs, 2)
	validate := fs.jobs[1]
	assert.Equal(t, judge.JobValidate, validate.Mode)
	assert.Equal(t, 2, validate.Tests, "only tests that ran fine are validated")
	assert.Equal(t, [][]byte{[]byte("in"), []byte("b"), []byte("bad")}, validate.Frames(1), "the validator gets input, answer and output")
	assert.Equal(t, judge.WrongAnswer, rep.Verdict)
	assert.Equal(t, []judge.Verdict{judge.Accepted, judge.WrongAnswer, judge.TimeLimitExceeded},
		[]judge.Verdict{rep.Tests[0].Verdict, rep.Tests[1].Verdict, rep.Tests[2].Verdict})
	assert.Equal(t, 5.0, rep.Tests[0].CPUMillis, "the submission's own times are kept")
}

func TestAnswersNeverReachTheSubmissionsSandbox(t *testing.T) {
	p := stdioProblem("the-answer")
	fs := &fakeSandbox{execs: []judge.Execution{ok(0, "x")}}
	j := &judge.Judge{Sandbox: fs}
	_, err := j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	job := fs.jobs[0]
	for i := 0; i < job.Tests; i++ {
		for _, f := range job.Frames(i) {
			assert.NotContains(t, string(f), "the-answer")
		}
	}
}

func TestStopOnFailure(t *testing.T) {
	p := stdioProblem("1", "2", "3")
	fs := &fakeSandbox{execs: []judge.Execution{ok(0, "1"), ok(1, "9"), ok(2, "3")}}
	rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{StopOnFailure: true})
	require.NoError(t, err)
	assert.Equal(t, judge.WrongAnswer, rep.Verdict)
	assert.Len(t, rep.Tests, 2)
}

func TestSandboxErrorIsNotAVerdict(t *testing.T) {
	boom := errors.New("engine gone")
	j := &judge.Judge{Sandbox: &fakeSandbox{err: boom}}
	_, err := j.Judge(context.Background(), stdioProblem("1"), src, judge.Options{})
	require.ErrorIs(t, err, boom)
}

func TestCheckSource(t *testing.T) {
	cases := []struct {
		name string
		src  string
		ok   bool
		msg  string
	}{
		{"fine", "print(1)\n", true, ""},
		{"bom and crlf are fine", "\ufeffprint(1)\r\n", true, ""},
		{"empty", "", false, "empty"},
		{"blank", " \n\t\n", false, "empty"},
		{"nul byte", "print(1)\n\x00", false, "NUL byte at line 2"},
		{"not utf-8", "print('\xff')", false, "not valid UTF-8 at line 1"},
		{"too big", string(make([]byte, judge.MaxSourceBytes+1)), false, "over the 256 KiB limit"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := judge.CheckSource(judge.Submission{Filename: "s.py", Source: []byte(tc.src)})
			if tc.ok {
				assert.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, judge.ErrBadInput)
			assert.Contains(t, err.Error(), tc.msg)
		})
	}
}

func TestVerdictText(t *testing.T) {
	for _, v := range []judge.Verdict{judge.Accepted, judge.WrongAnswer, judge.TimeLimitExceeded, judge.MemoryLimitExceeded,
		judge.RuntimeError, judge.OutputLimitExceeded, judge.CompileError, judge.InternalError} {
		b, err := v.MarshalText()
		require.NoError(t, err)
		var back judge.Verdict
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, v, back)
	}
	_, err := judge.Verdict(0).MarshalText()
	assert.Error(t, err, "the zero verdict is invalid")
}

// A submission names its own exception classes: on a hidden test only a built-in name may show,
// or a class named after the input would carry the hidden data out.
func TestHiddenExceptionShowsOnlyBuiltinTypes(t *testing.T) {
	cases := []struct {
		name string
		err  judge.PyError
		want string
	}{
		{"builtin", judge.PyError{Type: "KeyError", MRO: []string{"KeyError", "LookupError", "Exception", "BaseException", "object"}, Message: "'secret-input'"}, "KeyError"},
		{"own class", judge.PyError{Type: "secret_input_42", MRO: []string{"secret_input_42", "ValueError", "Exception", "BaseException", "object"}}, "ValueError"},
		{"no builtin in the mro", judge.PyError{Type: "secret_input_42", MRO: []string{"secret_input_42", "object"}}, "Exception"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := tc.err
			p := stdioProblem("sample", "hidden")
			j := &judge.Judge{Sandbox: &fakeSandbox{execs: []judge.Execution{ok(0, "sample"), {Test: 1, Status: judge.StatusRE, Error: &e}}}}
			rep, err := j.Judge(context.Background(), p, src, judge.Options{})
			require.NoError(t, err)
			hidden := rep.Tests[1]
			require.NotNil(t, hidden.Error)
			assert.Equal(t, tc.want, hidden.Error.Type)
			assert.Equal(t, tc.want, hidden.Message)
			assert.Empty(t, hidden.Error.Message)
			assert.Empty(t, hidden.Error.MRO)

			e = tc.err
			j = &judge.Judge{Sandbox: &fakeSandbox{execs: []judge.Execution{ok(0, "sample"), {Test: 1, Status: judge.StatusRE, Error: &e}}}}
			rep, err = j.Judge(context.Background(), p, src, judge.Options{Reveal: true})
			require.NoError(t, err)
			assert.Equal(t, tc.err.Type, rep.Tests[1].Error.Type, "--reveal shows the real type")
		})
	}
}

func TestTotalsHaveNoFloatNoise(t *testing.T) {
	p := stdioProblem("1", "1", "1")
	cpu := []time.Duration{1973 * time.Microsecond, 1988 * time.Microsecond, 3070 * time.Microsecond}
	var execs []judge.Execution
	for i, c := range cpu {
		e := ok(i, "1")
		e.CPU = c
		execs = append(execs, e)
	}
	rep, err := (&judge.Judge{Sandbox: &fakeSandbox{execs: execs}}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	// 1.973 + 1.988 + 3.07 is 7.031000000000001 in float64; reports must say 7.031.
	assert.Equal(t, 7.031, rep.CPUMillis)
}

// validator_flags belong to whoever judges the output: the default checker parses them, a
// custom output validator gets them as arguments, unread (problemtools semantics).
func TestValidatorFlagsGoToTheirOwner(t *testing.T) {
	t.Run("custom validator gets them as arguments", func(t *testing.T) {
		p := stdioProblem("1")
		p.Validation.Flags = []string{"tolerance", "0.5", "case_insensitive"}
		p.Validation.Validator = &judge.Program{Entry: "validate.py", Files: map[string][]byte{"validate.py": []byte("")}}
		fs := &fakeSandbox{execs: []judge.Execution{ok(0, "1")}, validate: func(int, [][]byte) int { return 42 }}
		rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{})
		require.NoError(t, err, "flags the default checker does not know are not bad input with a custom validator")
		assert.Equal(t, judge.Accepted, rep.Verdict)
		require.Len(t, fs.jobs, 2)
		assert.Equal(t, []string{"tolerance", "0.5", "case_insensitive"}, fs.jobs[1].Flags)
		assert.Empty(t, fs.jobs[0].Flags, "the submission's job carries no validator flags")
	})
	t.Run("default checker parses them", func(t *testing.T) {
		p := stdioProblem("1")
		p.Validation.Flags = []string{"tolerance", "0.5"}
		_, err := (&judge.Judge{Sandbox: &fakeSandbox{execs: []judge.Execution{ok(0, "1")}}}).Judge(context.Background(), p, src, judge.Options{})
		require.ErrorIs(t, err, judge.ErrBadInput)
		assert.Contains(t, err.Error(), "tolerance")

		p.Validation.Flags = []string{"case_sensitive"}
		rep, err := (&judge.Judge{Sandbox: &fakeSandbox{execs: []judge.Execution{ok(0, "1")}}}).Judge(context.Background(), p, src, judge.Options{})
		require.NoError(t, err)
		assert.Equal(t, judge.Accepted, rep.Verdict)
	})
}
