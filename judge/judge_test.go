package judge_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/judgetest"
)

// fake is the shared judgetest.Sandbox scripted for p: each test answers with the execution
// given for it (e.Test is p's test index), found by its input, so the script follows the judge
// into every sandbox it starts. A test with no execution stops the sandbox there (killed or
// gone, as Info says). validate, when not nil, answers the output validator's jobs: an exit code
// from (input, answer, output).
func fake(p *judge.Problem, validate func(frames [][]byte) int, execs ...judge.Execution) *judgetest.Sandbox {
	byInput := map[string]judge.Execution{}
	for _, e := range execs {
		byInput[string(p.Tests[e.Test].Input)] = e
	}
	return &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		if job.Mode == judge.JobValidate {
			code := validate(frames)
			return judge.Execution{Status: judge.StatusOK, ExitCode: &code, Output: []byte("feedback")}, true
		}
		e, ok := byInput[string(frames[0])]
		return e, ok
	}}
}

func stdioProblem(answers ...string) *judge.Problem {
	p := &judge.Problem{ID: "p", Mode: judge.Stdio, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1}}
	for i, a := range answers {
		p.Tests = append(p.Tests, judge.Test{Name: "secret/" + string(rune('a'+i)), Group: "secret", Input: []byte("in-" + string(rune('a'+i))), Answer: []byte(a)})
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
		{"first failure decides", stdioProblem("1", "2", "3"), []judge.Execution{ok(0, "1"), ok(1, "9"), {Test: 2, Status: judge.StatusTLE}}, judge.RunInfo{}, judge.WrongAnswer, 1,
			[]judge.Verdict{judge.Accepted, judge.WrongAnswer, judge.TimeLimitExceeded}},
		{"cpu over limit is TLE even if the harness let it finish", stdioProblem("1"), []judge.Execution{{Test: 0, Status: judge.StatusOK, CPU: 1500 * time.Millisecond, Output: []byte("1")}}, judge.RunInfo{}, judge.TimeLimitExceeded, 0, nil},
		{"mle", stdioProblem("1"), []judge.Execution{{Test: 0, Status: judge.StatusMLE}}, judge.RunInfo{}, judge.MemoryLimitExceeded, 0, nil},
		{"ole", stdioProblem("1"), []judge.Execution{{Test: 0, Status: judge.StatusOLE}}, judge.RunInfo{}, judge.OutputLimitExceeded, 0, nil},
		{"re with signal", stdioProblem("1"), []judge.Execution{{Test: 0, Status: judge.StatusRE, Signal: intp(9)}}, judge.RunInfo{}, judge.RuntimeError, 0, nil},
		{"harness internal error is IE", stdioProblem("1", "2"), []judge.Execution{ok(0, "1"), {Test: 1, Status: judge.StatusInternal, Detail: "bad input"}}, judge.RunInfo{}, judge.InternalError, 1, nil},
		{"sandbox killed on wall clock: TLE, the rest not run", stdioProblem("1", "2", "3"), []judge.Execution{ok(0, "1")}, judge.RunInfo{Killed: judge.StatusTLE}, judge.TimeLimitExceeded, 1,
			[]judge.Verdict{judge.Accepted, judge.TimeLimitExceeded, judge.NotRun}},
		{"harness killed by the submission: RE", stdioProblem("1", "2"), []judge.Execution{ok(0, "1")}, judge.RunInfo{Killed: judge.StatusRE}, judge.RuntimeError, 1, nil},
		{"harness vanished: IE, not the candidate's fault", stdioProblem("1", "2"), []judge.Execution{ok(0, "1")}, judge.RunInfo{}, judge.InternalError, 1, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := fake(tc.p, nil, tc.execs...)
			fs.Info = tc.info
			j := &judge.Judge{Sandbox: fs}
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
	p := stdioProblem("1")
	fs := fake(p, nil)
	fs.Info.CompileError = &judge.CompileFailure{Kind: "forbidden", Line: 3, Message: "forbidden: sorted() at line 3"}
	rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.CompileError, rep.Verdict)
	assert.Equal(t, "forbidden: sorted() at line 3", rep.Message)
	assert.Empty(t, rep.Tests)
}

func TestHiddenDetailsStayHidden(t *testing.T) {
	p := stdioProblem("1", "secret-answer")
	j := &judge.Judge{Sandbox: fake(p, nil, ok(0, "2"), ok(1, "x"))}
	rep, err := j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	require.NotNil(t, rep.Tests[0].Expected, "sample details are shown")
	assert.Contains(t, rep.Tests[0].Message, "expected")
	assert.Nil(t, rep.Tests[1].Expected)
	assert.Nil(t, rep.Tests[1].Input)
	assert.Nil(t, rep.Tests[1].Actual)
	assert.NotContains(t, rep.Tests[1].Message, "secret-answer")

	j = &judge.Judge{Sandbox: fake(p, nil, ok(0, "2"), ok(1, "x"))}
	rep, err = j.Judge(context.Background(), p, src, judge.Options{Reveal: true})
	require.NoError(t, err)
	require.NotNil(t, rep.Tests[1].Expected, "--reveal shows hidden details")
	assert.Equal(t, "secret-answer", *rep.Tests[1].Expected)
}

func TestFunctionMode(t *testing.T) {
	p := &judge.Problem{ID: "f", Mode: judge.Function, Function: &judge.FunctionSpec{Name: "f"}, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1},
		Tests: []judge.Test{
			{Name: "a", Input: []byte("[1]"), Answer: []byte("[1, 2]")},
			{Name: "b", Input: []byte("[2]"), Answer: []byte(`{"raises": "ValueError"}`)},
			{Name: "c", Input: []byte("[3]"), Answer: []byte(`{"raises": "ValueError"}`)},
			{Name: "d", Input: []byte("[4]"), Answer: []byte(`7`)},
		}}
	execs := []judge.Execution{
		ok(0, "[1,2]"),
		{Test: 1, Status: judge.StatusRaised, Error: &judge.PyError{Type: "MyError", MRO: []string{"MyError", "ValueError", "Exception"}}},
		ok(2, "3"),
		{Test: 3, Status: judge.StatusRaised, Error: &judge.PyError{Type: "KeyError", Message: "'x'"}},
	}
	j := &judge.Judge{Sandbox: fake(p, nil, execs...)}
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
	fs := fake(p, func(frames [][]byte) int {
		if string(frames[2]) == "good" {
			return 42
		}
		return 43
	}, ok(0, "good"), ok(1, "bad"), judge.Execution{Test: 2, Status: judge.StatusTLE, CPU: 2 * time.Second})
	j := &judge.Judge{Sandbox: fs}
	rep, err := j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	require.Len(t, fs.Runs(), 2)
	validate := fs.Runs()[1].Job
	assert.Equal(t, judge.JobValidate, validate.Mode)
	assert.Len(t, fs.Runs()[1].Frames, 2, "only tests that ran fine are validated")
	assert.Equal(t, [][]byte{[]byte("in-b"), []byte("b"), []byte("bad")}, validate.Frames(1), "the validator gets input, answer and output")
	assert.Equal(t, judge.WrongAnswer, rep.Verdict)
	assert.Equal(t, []judge.Verdict{judge.Accepted, judge.WrongAnswer, judge.TimeLimitExceeded},
		[]judge.Verdict{rep.Tests[0].Verdict, rep.Tests[1].Verdict, rep.Tests[2].Verdict})
	assert.Equal(t, 5.0, rep.Tests[0].CPUMillis, "the submission's own times are kept")
}

// The validator gets each output as soon as its test ends: the submission's next test can wait
// for it (were the outputs validated after the last test, this would wait for ever).
func TestCustomValidatorRunsBesideTheSubmission(t *testing.T) {
	p := stdioProblem("a", "b", "c")
	p.Validation.Validator = &judge.Program{Entry: "validate.py", Files: map[string][]byte{"validate.py": []byte("")}}
	validated := make(chan string, len(p.Tests))
	fs := &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		if job.Mode == judge.JobValidate {
			validated <- string(frames[2])
			code := 42
			return judge.Execution{Status: judge.StatusOK, ExitCode: &code}, true
		}
		i := int(frames[0][len(frames[0])-1] - 'a')
		if i > 0 {
			select {
			case got := <-validated:
				assert.Equal(t, string(p.Tests[i-1].Answer), got, "test %d's output, before test %d runs", i-1, i)
			case <-time.After(10 * time.Second):
				t.Errorf("test %d ran, and test %d's output was not validated yet", i, i-1)
			}
		}
		return ok(i, string(p.Tests[i].Answer)), true
	}}
	rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "%+v", rep.Tests)
	require.Len(t, fs.Runs(), 2, "one sandbox for the submission, one for its validator")
	assert.Len(t, fs.Runs()[1].Frames, 3)
}

// startsValidator is a Sandbox that closes validating when the first validate job reaches it.
type startsValidator struct {
	judge.Sandbox
	once       sync.Once
	validating chan struct{}
}

func (s *startsValidator) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	if job.Mode == judge.JobValidate {
		s.once.Do(func() { close(s.validating) })
	}
	return s.Sandbox.Run(ctx, job, each)
}

// The validator's sandbox is asked for when the judging starts, not at the first output: its
// start-up overlaps the submission's.
func TestCustomValidatorStartsWithTheSubmission(t *testing.T) {
	p := stdioProblem("a", "b")
	p.Validation.Validator = &judge.Program{Entry: "validate.py", Files: map[string][]byte{"validate.py": []byte("")}}
	sb := &startsValidator{validating: make(chan struct{})}
	sb.Sandbox = &judgetest.Sandbox{Exec: func(job judge.Job, frames [][]byte) (judge.Execution, bool) {
		if job.Mode == judge.JobValidate {
			code := 42
			return judge.Execution{Status: judge.StatusOK, ExitCode: &code}, true
		}
		i := int(frames[0][len(frames[0])-1] - 'a')
		if i == 0 {
			select {
			case <-sb.validating:
			case <-time.After(5 * time.Second):
				t.Error("the submission's first test ran before its validator's sandbox was asked for")
			}
		}
		return ok(i, string(p.Tests[i].Answer)), true
	}}
	rep, err := (&judge.Judge{Sandbox: sb}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "%+v", rep.Tests)
}

// probesValidator answers a submission's job with a compile error, and its validator's job by
// asking for a first test, before the compile error (its sandbox was ready) or some time after
// it (its sandbox started late); it says how that job ended.
type probesValidator struct {
	late   bool
	asked  chan struct{} // closed as the validator's job asks for its first test
	judged chan struct{} // closed when the submission's job returns
	ended  chan error    // how the validator's job ended: nil, on its own; else its context's error
}

func (s *probesValidator) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	if job.Mode != judge.JobValidate {
		if !s.late {
			<-s.asked
		}
		close(s.judged)
		return judge.RunInfo{CompileError: &judge.CompileFailure{Kind: "syntax", Line: 1, Message: "SyntaxError"}}, nil
	}
	if s.late {
		<-s.judged
		time.Sleep(100 * time.Millisecond) // (the judging has stopped its validations by now)
	}
	if !s.late {
		close(s.asked) // (its first test is asked for right below)
	}
	if job.Frames(0) != nil {
		s.ended <- errors.New("the validator was given a test")
	}
	s.ended <- ctx.Err()
	return judge.RunInfo{}, ctx.Err()
}

// A judging that gives its validator no output ends the validator's job by giving it no test,
// not by cancelling it, so that a validator session keeps its container; so too when the job
// gets its sandbox only after the submission's verdict.
func TestAJudgingWithoutOutputsEndsItsValidatorsJob(t *testing.T) {
	for _, late := range []bool{false, true} {
		p := stdioProblem("a", "b")
		p.Validation.Validator = &judge.Program{Entry: "validate.py", Files: map[string][]byte{"validate.py": []byte("")}}
		sb := &probesValidator{late: late, asked: make(chan struct{}), judged: make(chan struct{}), ended: make(chan error, 2)}
		rep, err := (&judge.Judge{Sandbox: sb}).Judge(context.Background(), p, src, judge.Options{})
		require.NoError(t, err)
		assert.Equal(t, judge.CompileError, rep.Verdict)
		require.Len(t, sb.ended, 1, "late %v: the validator's job ended before the judging returned", late)
		assert.NoError(t, <-sb.ended, "late %v: the job ended on its own, given no test", late)
	}
}

func TestAnswersNeverReachTheSubmissionsSandbox(t *testing.T) {
	p := stdioProblem("the-answer")
	fs := fake(p, nil, ok(0, "x"))
	j := &judge.Judge{Sandbox: fs}
	_, err := j.Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	job := fs.Runs()[0].Job
	for i := 0; i < job.Tests; i++ {
		for _, f := range job.Frames(i) {
			assert.NotContains(t, string(f), "the-answer")
		}
	}
}

func TestStopOnFailure(t *testing.T) {
	p := stdioProblem("1", "2", "3")
	fs := fake(p, nil, ok(0, "1"), ok(1, "9"), ok(2, "3"))
	rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{StopOnFailure: true})
	require.NoError(t, err)
	assert.Equal(t, judge.WrongAnswer, rep.Verdict)
	assert.Len(t, rep.Tests, 2)
}

func TestSandboxErrorIsNotAVerdict(t *testing.T) {
	boom := errors.New("engine gone")
	p := stdioProblem("1")
	fs := fake(p, nil)
	fs.Err = boom
	_, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{})
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
		judge.RuntimeError, judge.OutputLimitExceeded, judge.CompileError, judge.InternalError, judge.NotRun} {
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
			j := &judge.Judge{Sandbox: fake(p, nil, ok(0, "sample"), judge.Execution{Test: 1, Status: judge.StatusRE, Error: &e})}
			rep, err := j.Judge(context.Background(), p, src, judge.Options{})
			require.NoError(t, err)
			hidden := rep.Tests[1]
			require.NotNil(t, hidden.Error)
			assert.Equal(t, tc.want, hidden.Error.Type)
			assert.Equal(t, tc.want, hidden.Message)
			assert.Empty(t, hidden.Error.Message)
			assert.Empty(t, hidden.Error.MRO)

			e = tc.err
			j = &judge.Judge{Sandbox: fake(p, nil, ok(0, "sample"), judge.Execution{Test: 1, Status: judge.StatusRE, Error: &e})}
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
	rep, err := (&judge.Judge{Sandbox: fake(p, nil, execs...)}).Judge(context.Background(), p, src, judge.Options{})
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
		fs := fake(p, func([][]byte) int { return 42 }, ok(0, "1"))
		rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{})
		require.NoError(t, err, "flags the default checker does not know are not bad input with a custom validator")
		assert.Equal(t, judge.Accepted, rep.Verdict)
		require.Len(t, fs.Runs(), 2)
		assert.Equal(t, []string{"tolerance", "0.5", "case_insensitive"}, fs.Runs()[1].Job.Flags)
		assert.Empty(t, fs.Runs()[0].Job.Flags, "the submission's job carries no validator flags")
	})
	t.Run("default checker parses them", func(t *testing.T) {
		p := stdioProblem("1")
		p.Validation.Flags = []string{"tolerance", "0.5"}
		_, err := (&judge.Judge{Sandbox: fake(p, nil, ok(0, "1"))}).Judge(context.Background(), p, src, judge.Options{})
		require.ErrorIs(t, err, judge.ErrBadInput)
		assert.Contains(t, err.Error(), "tolerance")

		p.Validation.Flags = []string{"case_sensitive"}
		rep, err := (&judge.Judge{Sandbox: fake(p, nil, ok(0, "1"))}).Judge(context.Background(), p, src, judge.Options{})
		require.NoError(t, err)
		assert.Equal(t, judge.Accepted, rep.Verdict)
	})
}

// sizedProblem has one secret test per size, its input that many bytes; every answer is "ok".
func sizedProblem(sizes ...int) *judge.Problem {
	p := &judge.Problem{ID: "p", Mode: judge.Stdio, Limits: judge.Limits{Time: time.Second, MemoryMiB: 64, OutputMiB: 1}}
	for i, n := range sizes {
		in := []byte(fmt.Sprintf("%c%s", 'a'+i, strings.Repeat(".", n-1)))
		p.Tests = append(p.Tests, judge.Test{Name: fmt.Sprintf("secret/%d", i), Group: "secret", Input: in, Answer: []byte("ok")})
	}
	return p
}

func tle(i int) judge.Execution {
	return judge.Execution{Test: i, Status: judge.StatusTLE, CPU: 1100 * time.Millisecond, Wall: 1200 * time.Millisecond, Detail: "CPU time over the 1000 ms limit"}
}

func verdicts(rep *judge.Report) []judge.Verdict {
	var vs []judge.Verdict
	for _, t := range rep.Tests {
		vs = append(vs, t.Verdict)
	}
	return vs
}

// ran lists, per sandbox the judge started, the names of the tests it ran (by input).
func ran(p *judge.Problem, fs *judgetest.Sandbox) [][]string {
	var out [][]string
	for _, r := range fs.Runs() {
		var names []string
		for _, f := range r.Frames {
			for _, t := range p.Tests {
				if string(t.Input) == string(f[0]) {
					names = append(names, t.Name)
				}
			}
		}
		out = append(out, names)
	}
	return out
}

func TestJudgingBudget(t *testing.T) {
	const (
		AC  = judge.Accepted
		TLE = judge.TimeLimitExceeded
		MLE = judge.MemoryLimitExceeded
		NR  = judge.NotRun
	)
	mle := judge.Execution{Test: 1, Status: judge.StatusMLE, CPU: 200 * time.Millisecond, Wall: 300 * time.Millisecond}
	sleeper := judge.Execution{Test: 0, Status: judge.StatusTLE, CPU: time.Millisecond, Wall: 5 * time.Second, Detail: "wall time over the 5000 ms limit"}
	cases := []struct {
		name    string
		p       *judge.Problem
		execs   []judge.Execution
		all     bool
		want    []judge.Verdict
		verdict judge.Verdict
		runs    [][]string // tests run, per sandbox
		reasons []string   // messages of the not-run tests, in order
	}{
		{"TLE skips larger and equal tests, runs smaller ones in a new sandbox", sizedProblem(2, 5, 9, 5, 3, 1),
			[]judge.Execution{ok(0, "ok"), tle(1), ok(2, "ok"), ok(3, "ok"), ok(4, "ok"), ok(5, "ok")}, false,
			[]judge.Verdict{AC, TLE, NR, NR, AC, AC}, TLE,
			[][]string{{"secret/0", "secret/1"}, {"secret/4", "secret/5"}},
			[]string{"not run: test secret/1 exceeded the time limit and this test is as large or larger",
				"not run: test secret/1 exceeded the time limit and this test is as large or larger"}},
		{"All runs every test", sizedProblem(2, 5, 9, 5, 3, 1),
			[]judge.Execution{ok(0, "ok"), tle(1), ok(2, "ok"), ok(3, "ok"), ok(4, "ok"), ok(5, "ok")}, true,
			[]judge.Verdict{AC, TLE, AC, AC, AC, AC}, TLE,
			[][]string{{"secret/0", "secret/1", "secret/2", "secret/3", "secret/4", "secret/5"}}, nil},
		{"MLE skips larger and equal tests too", sizedProblem(2, 5, 9, 5, 3),
			[]judge.Execution{ok(0, "ok"), mle, ok(2, "ok"), ok(3, "ok"), ok(4, "ok")}, false,
			[]judge.Verdict{AC, MLE, NR, NR, AC}, MLE,
			[][]string{{"secret/0", "secret/1"}, {"secret/4"}},
			[]string{"not run: test secret/1 exceeded the memory limit and this test is as large or larger",
				"not run: test secret/1 exceeded the memory limit and this test is as large or larger"}},
		{"smaller tests run and pass; the second test over a limit ends the judging", sizedProblem(9, 4, 6, 2),
			[]judge.Execution{tle(0), ok(1, "ok"), tle(2), ok(3, "ok")}, false,
			[]judge.Verdict{TLE, AC, TLE, NR}, TLE,
			[][]string{{"secret/0"}, {"secret/1", "secret/2"}},
			[]string{"not run: judging budget spent (2 tests over a limit)"}},
		{"bound: after 2 tests over a limit nothing more runs", sizedProblem(9, 8, 7),
			[]judge.Execution{tle(0), tle(1), tle(2)}, false,
			[]judge.Verdict{TLE, TLE, NR}, TLE,
			[][]string{{"secret/0"}, {"secret/1"}},
			[]string{"not run: judging budget spent (2 tests over a limit)"}},
		{"bound: a test that runs out of wall-clock time ends the judging", sizedProblem(5, 9, 1),
			[]judge.Execution{sleeper, ok(1, "ok"), ok(2, "ok")}, false,
			[]judge.Verdict{TLE, NR, NR}, TLE,
			[][]string{{"secret/0"}},
			[]string{"not run: test secret/0 exceeded the time limit and this test is as large or larger",
				"not run: judging budget spent (test secret/0 ran out of wall-clock time)"}},
		{"bound does not apply with All", sizedProblem(5, 9, 1),
			[]judge.Execution{sleeper, ok(1, "ok"), ok(2, "ok")}, true,
			[]judge.Verdict{TLE, AC, AC}, TLE,
			[][]string{{"secret/0", "secret/1", "secret/2"}}, nil},
		{"a wrong answer spends nothing", sizedProblem(5, 9, 1),
			[]judge.Execution{ok(0, "no"), ok(1, "ok"), ok(2, "ok")}, false,
			[]judge.Verdict{judge.WrongAnswer, AC, AC}, judge.WrongAnswer,
			[][]string{{"secret/0", "secret/1", "secret/2"}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := fake(tc.p, nil, tc.execs...)
			var progress []int
			rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), tc.p, src, judge.Options{
				All:      tc.all,
				Progress: func(done, total int, _ judge.TestResult) { progress = append(progress, done) },
			})
			require.NoError(t, err)
			assert.Equal(t, tc.want, verdicts(rep))
			assert.Equal(t, tc.verdict, rep.Verdict, "the overall verdict is the first failing test, never NR")
			assert.Equal(t, tc.runs, ran(tc.p, fs))
			passed := 0
			var reasons []string
			for _, tr := range rep.Tests {
				switch tr.Verdict {
				case AC:
					passed++
				case NR:
					reasons = append(reasons, tr.Message)
				}
			}
			assert.Equal(t, tc.reasons, reasons)
			assert.Equal(t, passed, rep.Passed)
			assert.Equal(t, len(reasons), rep.NotRun)
			assert.InDelta(t, float64(passed)/float64(len(tc.p.Tests)), rep.Score, 1e-9)
			assert.Len(t, progress, len(tc.p.Tests), "progress hears about every test, run or not")
		})
	}
}

// A sandbox stopped from outside leaves tests unreported: the first is blamed, the others did not
// run; --all runs them in a new sandbox, except after the judge's own failure.
func TestSandboxStoppedEarly(t *testing.T) {
	cases := []struct {
		name   string
		killed judge.Status
		all    bool
		want   []judge.Verdict
		runs   int
	}{
		{"killed: the rest not run", judge.StatusTLE, false, []judge.Verdict{judge.Accepted, judge.TimeLimitExceeded, judge.NotRun}, 1},
		{"killed, All: the rest run in a new sandbox", judge.StatusTLE, true, []judge.Verdict{judge.Accepted, judge.TimeLimitExceeded, judge.Accepted}, 2},
		{"harness killed, All: the rest run", judge.StatusRE, true, []judge.Verdict{judge.Accepted, judge.RuntimeError, judge.Accepted}, 2},
		{"judge failure, All: not retried", "", true, []judge.Verdict{judge.Accepted, judge.InternalError, judge.NotRun}, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := sizedProblem(1, 1, 1)
			fs := fake(p, nil, ok(0, "ok"), ok(2, "ok")) // no answer for test 1: the sandbox stops there
			fs.Info.Killed = tc.killed
			rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{All: tc.all})
			require.NoError(t, err)
			assert.Equal(t, tc.want, verdicts(rep))
			assert.Len(t, fs.Runs(), tc.runs)
			if tc.want[2] == judge.NotRun {
				assert.Equal(t, "not run: an earlier test stopped the sandbox", rep.Tests[2].Message)
			}
		})
	}
}

// Verdicts of tests that ran are unchanged by a budget: a custom validator's CPU rule too.
func TestCustomValidatorCPUOverLimitIsTLE(t *testing.T) {
	p := stdioProblem("a", "b")
	p.Validation.Validator = &judge.Program{Entry: "validate.py", Files: map[string][]byte{"validate.py": []byte("")}}
	slow := ok(1, "b")
	slow.CPU = 1500 * time.Millisecond
	fs := fake(p, func([][]byte) int { return 42 }, ok(0, "a"), slow)
	rep, err := (&judge.Judge{Sandbox: fs}).Judge(context.Background(), p, src, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, []judge.Verdict{judge.Accepted, judge.TimeLimitExceeded}, verdicts(rep))
	assert.Len(t, fs.Runs()[1].Frames, 1, "an output over the CPU limit is not validated")
}
