package judge

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/judge-dev/judge/judge/check"
)

// Judge turns a submission into a report: it runs the submission in a Sandbox, compares outputs
// with the expected answers here, outside the sandbox, and decides every verdict.
type Judge struct {
	Sandbox Sandbox
	// Validators compiles and runs C and C++ output validators; nil: problems that have one
	// cannot be judged (ErrUnavailable).
	Validators *ValidatorSandbox
	Now        func() time.Time
}

// Options tune one judging.
type Options struct {
	// Reveal shows hidden tests' input, expected and actual output (interviewers only).
	Reveal bool
	// StopOnFailure stops at the first test that is not accepted (judge verify on submissions
	// that must fail).
	StopOnFailure bool
	// All runs every test: the judging budget (budget.go) skips none after a test over a limit.
	All bool
	// Progress, when set, is called after each test with its result.
	Progress func(done, total int, t TestResult)
}

// detailCap bounds the input/expected/actual text kept in a report per test.
const detailCap = 4 << 10

// Judge judges one submission. An error means the judge could not judge (wrapping ErrBadInput
// or ErrUnavailable, or an internal failure); every fault of the submission is a verdict.
func (j *Judge) Judge(ctx context.Context, p *Problem, s Submission, opt Options) (*Report, error) {
	if err := CheckSource(s); err != nil {
		return nil, err
	}
	if _, err := p.Validation.CheckerFlags(); err != nil {
		return nil, fmt.Errorf("judge %s: validator_flags: %v: %w", p.ID, err, ErrBadInput)
	}
	flags := make([]check.Flags, len(p.Tests))
	for i, t := range p.Tests {
		var err error
		if flags[i], err = p.Validation.TestCheckerFlags(t); err != nil {
			return nil, fmt.Errorf("judge %s: test %s: output_validator_args: %v: %w", p.ID, t.Name, err, ErrBadInput)
		}
	}
	now := j.Now
	if now == nil {
		now = time.Now
	}
	started := now()
	rep := &Report{
		SchemaVersion: SchemaVersion,
		Problem:       p.ID,
		Submission:    s.Filename,
		Total:         len(p.Tests),
		Started:       started.UTC(),
		TimeLimit:     DeclaredLimit(p, ""),
	}
	if p.TimeLimit != nil {
		rep.TimeLimit = *p.TimeLimit
	}

	job := Job{
		Mode:      JobStdio,
		Filename:  s.Filename,
		Source:    s.Source,
		Function:  p.Function,
		Forbidden: p.Forbidden,
		Limits:    jobLimits(p.Limits),
	}
	if p.Mode == Function {
		job.Mode = JobFunction
	}

	custom := p.Validation.Validator != nil
	var pending []int // tests whose output awaits the custom validator
	outputs := map[int][]byte{}
	bases := map[int]TestResult{}
	results := make([]TestResult, 0, len(p.Tests))
	record := func(t TestResult) {
		results = append(results, t)
		if opt.Progress != nil {
			opt.Progress(len(results), len(p.Tests), t)
		}
	}
	b := newBudget(job.Limits, opt.All)
	todo := make([]int, len(p.Tests))
	for i := range todo {
		todo[i] = i
	}
	// Each pass runs the tests still to run in one sandbox, in order. The budget stops a pass at
	// a test over a limit; the next pass runs what the budget still allows (smaller tests).
	for first := true; len(todo) > 0; first = false {
		run := todo
		job.Tests = len(run)
		job.Frames = func(i int) [][]byte { return [][]byte{p.Tests[run[i]].Input} }
		reported := make(map[int]bool, len(run))
		var stopped, failed bool // the judge stopped the sandbox: budget, or StopOnFailure
		info, err := j.Sandbox.Run(ctx, job, func(e Execution) bool {
			if e.Test < 0 || e.Test >= len(run) || reported[run[e.Test]] {
				return false
			}
			e.Test = run[e.Test]
			reported[e.Test] = true
			t := p.Tests[e.Test]
			res := baseResult(e, t)
			if custom && e.Status == StatusOK && !OverCPU(p, e) {
				pending = append(pending, e.Test)
				outputs[e.Test] = e.Output
				bases[e.Test] = res
				return true
			}
			res.Verdict, res.Message = safeDecide(p, flags[e.Test], e, t)
			fill(&res, t, e.Output, e.Stderr, opt.Reveal)
			record(res)
			if opt.StopOnFailure && res.Failed() {
				failed = true
				return false
			}
			stopped = b.exceeded(res, e, t)
			return !stopped
		})
		if err != nil {
			return nil, err
		}
		if first {
			rep.Python, rep.Image, rep.Lint = info.Python, info.Image, info.Lint
		}
		if info.CompileError != nil {
			rep.Verdict = CompileError
			rep.Message = info.CompileError.Message
			rep.Tests = []TestResult{}
			rep.WallMillis = millis(now().Sub(started))
			return rep, nil
		}
		if failed {
			break // StopOnFailure reports only the tests up to the first failure
		}
		var left []int
		for _, i := range run {
			if !reported[i] {
				left = append(left, i)
			}
		}
		todo = nil
		if !stopped && len(left) > 0 {
			// The sandbox stopped on its own (killed from outside, or gone): the first test that
			// did not report is blamed; the rest did not run. --all runs them in a new sandbox,
			// except after a judge failure.
			record(unreported(p, left[0], info.Killed))
			left = left[1:]
			if !opt.All || info.Killed == "" {
				for _, i := range left {
					record(notRun(p, i, "not run: an earlier test stopped the sandbox"))
				}
				break
			}
		}
		for _, i := range left {
			if msg, skip := b.skip(p.Tests[i]); skip {
				record(notRun(p, i, msg))
			} else {
				todo = append(todo, i)
			}
		}
	}

	if len(pending) > 0 {
		vres, err := j.validate(ctx, p, pending, outputs)
		if err != nil {
			return nil, err
		}
		for _, i := range pending {
			res := bases[i]
			res.Verdict, res.Message = vres[i].Verdict, vres[i].Message
			fill(&res, p.Tests[i], outputs[i], "", opt.Reveal)
			record(res)
		}
	}
	sortByIndex(results)
	rep.Tests = results
	finish(rep)
	if p.Scoring != nil && rep.Verdict != InternalError {
		rep.Points = ScorePoints(p.Scoring, rep.Tests)
		if rep.Points.Max > 0 {
			rep.Score = rep.Points.Score / rep.Points.Max
		}
	}
	rep.WallMillis = millis(now().Sub(started))
	return rep, nil
}

func jobLimits(l Limits) JobLimits {
	return JobLimits{
		Time: l.Time,
		// Wall time only catches a submission that sleeps or blocks: CPU time decides TLE. It is
		// generous so a busy machine does not turn a fast solution into a TLE.
		Wall:        3*l.Time + 2*time.Second,
		MemoryMiB:   l.MemoryMiB,
		OutputBytes: l.OutputMiB << 20,
		StderrBytes: 64 << 10,
	}
}

func baseResult(e Execution, t Test) TestResult {
	return TestResult{
		Index:      e.Test,
		Name:       t.Name,
		Group:      t.Group,
		Sample:     t.Sample,
		CPUMillis:  millis(e.CPU),
		WallMillis: millis(e.Wall),
		MemoryMiB:  float64(e.MemoryKB) / 1024,
		ExitCode:   e.ExitCode,
		Signal:     e.Signal,
		Error:      e.Error,
	}
}

// safeDecide is decide, except that a checker that panics is the judge's failure (IE) and
// not a crash of the judge: the output it choked on came from an untrusted submission.
func safeDecide(p *Problem, flags check.Flags, e Execution, t Test) (v Verdict, msg string) {
	defer func() {
		if r := recover(); r != nil {
			v, msg = InternalError, fmt.Sprintf("the output checker failed on test %s: %v", t.Name, r)
		}
	}()
	return decide(p, flags, e, t)
}

// OverCPU is the one home of "CPU over the limit" on the judge's side: a test over its CPU limit
// is TLE even when the harness let it finish (RLIMIT_CPU rounds up), whatever its output.
func OverCPU(p *Problem, e Execution) bool { return e.CPU > p.Limits.Time }

// decide turns one execution into a verdict, comparing output with the answer when it ran fine.
func decide(p *Problem, flags check.Flags, e Execution, t Test) (Verdict, string) {
	switch e.Status {
	case StatusTLE:
		return TimeLimitExceeded, e.Detail
	case StatusMLE:
		return MemoryLimitExceeded, e.Detail
	case StatusOLE:
		return OutputLimitExceeded, e.Detail
	case StatusBadReturn:
		return WrongAnswer, "returned value: " + e.Detail
	case StatusInternal:
		return InternalError, e.Detail
	case StatusRE:
		return RuntimeError, reMessage(e)
	}
	if OverCPU(p, e) {
		return TimeLimitExceeded, fmt.Sprintf("CPU %.0f ms over the %.0f ms limit", millis(e.CPU), millis(p.Limits.Time))
	}
	if p.Mode == Stdio {
		r := check.Tokens(t.Answer, e.Output, flags)
		return okOr(r)
	}
	wantRaise, expectsRaise := check.ExpectedRaise(t.Answer)
	if e.Status == StatusRaised {
		if expectsRaise && e.Error != nil && containsName(e.Error.MRO, e.Error.Type, wantRaise) {
			return Accepted, ""
		}
		return RuntimeError, reMessage(e)
	}
	if expectsRaise {
		return WrongAnswer, "expected the call to raise " + wantRaise + ", it returned a value"
	}
	r, err := check.JSON(t.Answer, e.Output, flags)
	if err != nil {
		return InternalError, "expected answer of " + t.Name + " is not valid JSON: " + err.Error()
	}
	return okOr(r)
}

func okOr(r check.Result) (Verdict, string) {
	if r.OK {
		return Accepted, ""
	}
	return WrongAnswer, r.Message
}

func containsName(mro []string, typ, want string) bool {
	if typ == want {
		return true
	}
	for _, m := range mro {
		if m == want {
			return true
		}
	}
	return false
}

func reMessage(e Execution) string {
	switch {
	case e.Error != nil:
		if e.Error.Message == "" {
			return e.Error.Type
		}
		return e.Error.Type + ": " + e.Error.Message
	case e.Signal != nil:
		return fmt.Sprintf("killed by signal %d (%s)", *e.Signal, signalName(*e.Signal))
	case e.ExitCode != nil:
		return fmt.Sprintf("exit code %d", *e.ExitCode)
	}
	return e.Detail
}

func signalName(sig int) string {
	names := map[int]string{1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS",
		8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM", 24: "SIGXCPU", 25: "SIGXFSZ", 31: "SIGSYS"}
	if n, ok := names[sig]; ok {
		return n
	}
	return "signal"
}

// fill adds the details a person may see: everything for samples or when revealed; for hidden
// tests only the verdict class, since a checker message or an exception text can quote the data.
func fill(res *TestResult, t Test, output []byte, stderr string, reveal bool) {
	if t.Sample || reveal {
		res.Input = capText(t.Input)
		res.Expected = capText(t.Answer)
		res.Actual = capText(output)
		if stderr != "" {
			res.Stderr = capText([]byte(stderr))
		}
		return
	}
	*res = res.Hidden()
}

// Hidden is the result of a hidden test as a candidate may see it: no input, expected or actual
// output, no stderr, and only the verdict class of a message, since a checker message or an
// exception text can quote the data. It is the one home of that rule, for reports judged with
// Reveal too.
func (t TestResult) Hidden() TestResult {
	t.Input, t.Expected, t.Actual, t.Stderr = nil, nil, nil, nil
	if t.Error != nil {
		t.Error = &PyError{Type: builtinType(t.Error)}
	}
	switch t.Verdict {
	case WrongAnswer:
		t.Message = "wrong answer on a hidden test"
	case RuntimeError:
		if t.Error != nil {
			t.Message = t.Error.Type
		}
	}
	return t
}

// builtinType is the exception type a hidden test may show: the first of Python's built-in
// exceptions in the type's MRO. A submission names its own exception classes, and a class named
// after the test's input would carry hidden data out in the report.
func builtinType(e *PyError) string {
	if builtinExceptions[e.Type] {
		return e.Type
	}
	for _, name := range e.MRO {
		if builtinExceptions[name] {
			return name
		}
	}
	return "Exception"
}

// builtinExceptions are the exception classes of Python 3.11's builtins module.
var builtinExceptions = map[string]bool{
	"ArithmeticError": true, "AssertionError": true, "AttributeError": true,
	"BaseException": true, "BaseExceptionGroup": true, "BlockingIOError": true,
	"BrokenPipeError": true, "BufferError": true, "BytesWarning": true, "ChildProcessError": true,
	"ConnectionAbortedError": true, "ConnectionError": true, "ConnectionRefusedError": true,
	"ConnectionResetError": true, "DeprecationWarning": true, "EOFError": true,
	"EncodingWarning": true, "EnvironmentError": true, "Exception": true, "ExceptionGroup": true,
	"FileExistsError": true, "FileNotFoundError": true, "FloatingPointError": true,
	"FutureWarning": true, "GeneratorExit": true, "IOError": true, "ImportError": true,
	"ImportWarning": true, "IndentationError": true, "IndexError": true, "InterruptedError": true,
	"IsADirectoryError": true, "KeyError": true, "KeyboardInterrupt": true, "LookupError": true,
	"MemoryError": true, "ModuleNotFoundError": true, "NameError": true,
	"NotADirectoryError": true, "NotImplementedError": true, "OSError": true,
	"OverflowError": true, "PendingDeprecationWarning": true, "PermissionError": true,
	"ProcessLookupError": true, "RecursionError": true, "ReferenceError": true,
	"ResourceWarning": true, "RuntimeError": true, "RuntimeWarning": true,
	"StopAsyncIteration": true, "StopIteration": true, "SyntaxError": true, "SyntaxWarning": true,
	"SystemError": true, "SystemExit": true, "TabError": true, "TimeoutError": true,
	"TypeError": true, "UnboundLocalError": true, "UnicodeDecodeError": true,
	"UnicodeEncodeError": true, "UnicodeError": true, "UnicodeTranslateError": true,
	"UnicodeWarning": true, "UserWarning": true, "ValueError": true, "Warning": true,
	"ZeroDivisionError": true,
}

func capText(b []byte) *string {
	// Cut before copying: b can be a whole output frame (up to the output limit, a flood).
	if len(b) <= detailCap {
		s := string(b)
		return &s
	}
	cut := detailCap
	for cut > 0 && !utf8Start(b[cut]) {
		cut--
	}
	s := string(b[:cut]) + fmt.Sprintf("\n… (%d more bytes)", len(b)-cut)
	return &s
}

func utf8Start(c byte) bool { return c&0xC0 != 0x80 }

// validate runs the problem's output validator, sandboxed, on the outputs of tests that ran fine:
// one sandbox per distinct argument list (test data groups may give their own).
func (j *Judge) validate(ctx context.Context, p *Problem, tests []int, outputs map[int][]byte) (map[int]TestResult, error) {
	var order []string
	byArgs := map[string][]int{}
	for _, i := range tests {
		key := strings.Join(p.Validation.TestValidatorArgs(p.Tests[i]), "\x00")
		if _, ok := byArgs[key]; !ok {
			order = append(order, key)
		}
		byArgs[key] = append(byArgs[key], i)
	}
	res := map[int]TestResult{}
	for _, key := range order {
		part := byArgs[key]
		r, err := j.validateWith(ctx, p, p.Validation.TestValidatorArgs(p.Tests[part[0]]), part, outputs)
		if err != nil {
			return nil, err
		}
		for i, t := range r {
			res[i] = t
		}
	}
	return res, nil
}

func (j *Judge) validateWith(ctx context.Context, p *Problem, args []string, tests []int, outputs map[int][]byte) (map[int]TestResult, error) {
	prog, sb := p.Validation.Validator, j.Sandbox
	if prog.Compiled() {
		if j.Validators == nil {
			return nil, fmt.Errorf("judge %s: its output validator is C/C++ and no validator sandbox is set up (judge image build --validator): %w", p.ID, ErrUnavailable)
		}
		var err error
		if prog, err = j.Validators.Binary(ctx, prog); err != nil {
			return nil, fmt.Errorf("judge %s: %w", p.ID, err)
		}
		sb = j.Validators.Sandbox
	}
	job := Job{
		Mode:      JobValidate,
		Filename:  prog.Entry,
		Validator: prog,
		Flags:     args,
		Limits: JobLimits{
			Time: 10 * time.Second, Wall: 20 * time.Second, MemoryMiB: 512,
			OutputBytes: 1 << 20, StderrBytes: 16 << 10,
		},
		Tests: len(tests),
		Frames: func(i int) [][]byte {
			t := p.Tests[tests[i]]
			return [][]byte{t.Input, t.Answer, outputs[tests[i]]}
		},
	}
	res := map[int]TestResult{}
	info, err := sb.Run(ctx, job, func(e Execution) bool {
		if e.Test < 0 || e.Test >= len(tests) {
			return false
		}
		idx := tests[e.Test]
		r := TestResult{Index: idx, Name: p.Tests[idx].Name, Group: p.Tests[idx].Group, Sample: p.Tests[idx].Sample}
		switch {
		case e.Status == StatusOK && e.ExitCode != nil && *e.ExitCode == ExitAccept:
			r.Verdict = Accepted
		case e.Status == StatusOK && e.ExitCode != nil && *e.ExitCode == ExitReject:
			r.Verdict, r.Message = WrongAnswer, strings.TrimSpace(string(e.Output))
		default:
			r.Verdict = InternalError
			r.Message = fmt.Sprintf("output validator failed (%s): %s", e.Status, strings.TrimSpace(e.Stderr+" "+reMessage(e)))
		}
		res[idx] = r
		return true
	})
	if err != nil {
		return nil, fmt.Errorf("output validator: %w", err)
	}
	if info.CompileError != nil {
		return nil, fmt.Errorf("output validator of %s does not compile: %s", p.ID, info.CompileError.Message)
	}
	if len(res) != len(tests) {
		return nil, errors.New("output validator: the sandbox stopped before validating every output")
	}
	return res, nil
}

// unreported is the verdict of the first test that never reported because the sandbox stopped
// on its own: the reason it was stopped, or the judge's failure when nothing says why.
func unreported(p *Problem, i int, killed Status) TestResult {
	t := p.Tests[i]
	r := TestResult{Index: i, Name: t.Name, Group: t.Group, Sample: t.Sample}
	switch killed {
	case StatusTLE:
		r.Verdict, r.Message = TimeLimitExceeded, "the sandbox's wall-clock limit ran out"
	case StatusMLE:
		r.Verdict, r.Message = MemoryLimitExceeded, "the sandbox ran out of memory"
	case StatusRE:
		r.Verdict, r.Message = RuntimeError, "the submission killed the judge's harness"
	default:
		r.Verdict, r.Message = InternalError, "the sandbox stopped without reporting this test"
	}
	return r
}

// notRun is a test the judge did not run, and why.
func notRun(p *Problem, i int, why string) TestResult {
	t := p.Tests[i]
	return TestResult{Index: i, Name: t.Name, Group: t.Group, Sample: t.Sample, Verdict: NotRun, Message: why}
}

func sortByIndex(rs []TestResult) {
	sort.SliceStable(rs, func(a, b int) bool { return rs[a].Index < rs[b].Index })
}

// finish computes the overall verdict (first non-AC test in order, Kattis; a test that did not
// run never decides it), score and totals.
func finish(rep *Report) {
	rep.Verdict = Accepted
	for _, t := range rep.Tests {
		rep.CPUMillis += t.CPUMillis
		switch {
		case t.Verdict == Accepted:
			rep.Passed++
		case t.Verdict == NotRun:
			rep.NotRun++
		case rep.Verdict == Accepted:
			rep.Verdict = t.Verdict
		}
	}
	for _, t := range rep.Tests {
		if t.Verdict == InternalError {
			rep.Verdict = InternalError
			rep.Message = t.Message
			break
		}
	}
	// Sums of float milliseconds pick up binary noise (7.031000000000001): keep microseconds.
	rep.CPUMillis = math.Round(rep.CPUMillis*1000) / 1000
	if rep.Total > 0 {
		rep.Score = float64(rep.Passed) / float64(rep.Total)
	}
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Job is the harness's limits for a submission judged under l: what Judge gives the sandbox, for
// callers that run a submission without judging it (judge verify --mutants runs the reference
// to learn its answers).
func (l Limits) Job() JobLimits { return jobLimits(l) }
