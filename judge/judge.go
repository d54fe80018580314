package judge

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
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

	results := make([]TestResult, 0, len(p.Tests))
	record := func(t TestResult) {
		results = append(results, t)
		if opt.Progress != nil {
			opt.Progress(len(results), len(p.Tests), t)
		}
	}
	info, carry, err := j.round(ctx, p, job, flags, opt, 1, nil, record)
	if err != nil {
		return nil, err
	}
	rep.Python, rep.Image, rep.Lint = info.Python, info.Image, info.Lint
	if info.CompileError != nil {
		rep.Verdict = CompileError
		rep.Message = info.CompileError.Message
		rep.Tests = []TestResult{}
		rep.WallMillis = millis(now().Sub(started))
		return rep, nil
	}
	// Multi-pass: the tests whose validator wrote nextpass.in run again on it, all of them in one
	// round per pass, their validator's feedback folder carried from pass to pass.
	for pass := 2; len(carry) > 0; pass++ {
		q, orig, state := nextPass(p, carry)
		qflags := make([]check.Flags, len(orig))
		for k, i := range orig {
			qflags[k] = flags[i]
		}
		prev := carry
		_, carry, err = j.round(ctx, q, job, qflags, opt, pass, state, func(t TestResult) {
			i := orig[t.Index]
			record(prev[i].merge(t, i))
		})
		if err != nil {
			return nil, err
		}
		carry = reindex(carry, orig, prev)
	}
	sortByIndex(results)
	rep.Tests = results
	finish(rep)
	if p.Scoring != nil && rep.Verdict != InternalError {
		rep.Points = ScorePoints(p.Scoring, rep.Tests, p.Validation.CustomScore)
		if rep.Points.Max > 0 {
			rep.Score = rep.Points.Score / rep.Points.Max
		}
	}
	rep.WallMillis = millis(now().Sub(started))
	return rep, nil
}

// round runs and judges p's tests (in pass `pass` of a multi-pass problem; 1 otherwise; state
// is the validator's feedback folder of each test from the pass before, nil in the first) and
// records each result, except those of tests whose validator asked for another pass: those it
// returns, by test index, to run again.
func (j *Judge) round(ctx context.Context, p *Problem, job Job, flags []check.Flags, opt Options, pass int, state []map[string][]byte, record func(TestResult)) (RunInfo, map[int]*carried, error) {
	// An interactive validator judges while the submission runs; any other custom validator
	// judges each output as soon as its test ends, beside the tests still running.
	interactive := p.Validation.Interactive
	custom := p.Validation.Validator != nil && !interactive
	vals := map[int]Execution{} // interactive: the validator's side of each test
	var pending []int           // tests whose output awaits the custom validator
	checks := j.newValidations(ctx, p, pass, state)
	defer checks.stop()
	if custom && len(p.Tests) > 0 {
		checks.prepare(0) // its start-up beside the submission's
	}
	outputs := map[int][]byte{}
	bases := map[int]TestResult{}
	carry := map[int]*carried{}
	var first RunInfo
	// again keeps a test whose validator accepted it and asked for another pass (multi-pass).
	again := func(res TestResult, val Execution, o outcome) bool {
		if o.next == nil || res.Verdict != Accepted {
			return false
		}
		carry[res.Index] = &carried{acc: res, input: o.next, feedback: val.Feedback}
		return true
	}
	b := newBudget(job.Limits, opt.All)
	todo := make([]int, len(p.Tests))
	for i := range todo {
		todo[i] = i
	}
	// Each sandbox runs the tests still to run, in order. The budget stops one at a test over a
	// limit; the next sandbox runs what the budget still allows (smaller tests).
	for firstRun := true; len(todo) > 0; firstRun = false {
		run := todo
		job.Tests = len(run)
		job.Frames = func(i int) [][]byte { return [][]byte{p.Tests[run[i]].Input} }
		reported := make(map[int]bool, len(run))
		var stopped, failed bool // the judge stopped the sandbox: budget, or StopOnFailure
		runTests := func(each func(Execution) bool) (RunInfo, error) {
			if interactive {
				return j.interact(ctx, p, job, run, pass, state, vals, each)
			}
			return j.Sandbox.Run(ctx, job, each)
		}
		info, err := runTests(func(e Execution) bool {
			if e.Test < 0 || e.Test >= len(run) || reported[run[e.Test]] {
				return false
			}
			e.Test = run[e.Test]
			reported[e.Test] = true
			t := p.Tests[e.Test]
			res := baseResult(e, t)
			if custom && e.Status == StatusOK && !OverCPU(p, e) {
				checks.add(e.Test, e.Output)
				pending = append(pending, e.Test)
				outputs[e.Test] = e.Output
				bases[e.Test] = res
				return true
			}
			if interactive {
				var o outcome
				res.Verdict, res.Message, o = decideExchange(p, Exchange{Sub: e, Val: vals[e.Test]}, pass)
				res.Points = o.points
				if again(res, vals[e.Test], o) {
					return true
				}
			} else {
				res.Verdict, res.Message = safeDecide(p, flags[e.Test], e, t)
			}
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
			return first, nil, err
		}
		if firstRun {
			first = info
		}
		if info.CompileError != nil {
			first.CompileError = info.CompileError
			return first, nil, nil
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
		vres, err := checks.wait()
		if err != nil {
			return first, nil, err
		}
		for _, i := range pending {
			res := bases[i]
			v := vres[i]
			res.Verdict, res.Message, res.Points = v.verdict, v.message, v.points
			if again(res, v.exec, v.outcome) {
				continue
			}
			fill(&res, p.Tests[i], outputs[i], "", opt.Reveal)
			record(res)
		}
	}
	return first, carry, nil
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

// runFailure is the verdict of an execution that did not run to a normal end within its limits
// (failed true), whatever its output; failed is false for one whose output is to be judged.
func runFailure(p *Problem, e Execution) (v Verdict, msg string, failed bool) {
	switch e.Status {
	case StatusTLE:
		return TimeLimitExceeded, e.Detail, true
	case StatusMLE:
		return MemoryLimitExceeded, e.Detail, true
	case StatusOLE:
		return OutputLimitExceeded, e.Detail, true
	case StatusBadReturn:
		return WrongAnswer, "returned value: " + e.Detail, true
	case StatusInternal:
		return InternalError, e.Detail, true
	case StatusRE:
		return RuntimeError, reMessage(e), true
	}
	if OverCPU(p, e) {
		return TimeLimitExceeded, fmt.Sprintf("CPU %.0f ms over the %.0f ms limit", millis(e.CPU), millis(p.Limits.Time)), true
	}
	return Accepted, "", false
}

// decide turns one execution into a verdict, comparing output with the answer when it ran fine.
func decide(p *Problem, flags check.Flags, e Execution, t Test) (Verdict, string) {
	if v, msg, failed := runFailure(p, e); failed {
		return v, msg
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

// validated is what the output validator made of one output.
type validated struct {
	verdict Verdict
	message string
	points  *float64
	exec    Execution // the validator's run (its feedback folder)
	outcome outcome
}

// argRuns splits tests (indexes into p.Tests, in order) into runs of consecutive tests whose
// validator takes the same arguments: one validator sandbox each. Test data groups keep their
// tests together, so a problem gets one run per group that has arguments of its own.
func argRuns(p *Problem, tests []int) [][]int {
	var runs [][]int
	args := func(i int) []string { return p.Validation.TestValidatorArgs(p.Tests[i]) }
	for k, i := range tests {
		if k == 0 || !slices.Equal(args(i), args(tests[k-1])) {
			runs = append(runs, nil)
		}
		runs[len(runs)-1] = append(runs[len(runs)-1], i)
	}
	return runs
}

// validatorJob is the validator's job on n tests that share their arguments: test(k) names
// the job's k-th test (an index into p.Tests) and the submission's output on it (nil for an
// interactive problem's validator, which talks to the submission instead), or says there is
// none, which ends the job there. Each test's frames are its input, its answer, that output
// and, when the problem has more passes or a feedback folder to read, the test's folder from
// the previous pass.
func validatorJob(p *Problem, prog *Program, args []string, n int, test func(k int) (int, []byte, bool), limits JobLimits, state []map[string][]byte) Job {
	feedback := needsFeedback(p)
	return Job{
		Mode:      JobValidate,
		Filename:  prog.Entry,
		Validator: prog,
		Flags:     args,
		Limits:    limits,
		Tests:     n,
		Feedback:  feedback,
		Frames: func(k int) [][]byte {
			i, output, ok := test(k)
			if !ok {
				return nil
			}
			t := p.Tests[i]
			frames := [][]byte{t.Input, t.Answer, output}
			if feedback {
				frames = append(frames, feedbackFrame(state, i))
			}
			return frames
		},
	}
}

// ValidatorLimits bound an output validator's run on one output. Its sandbox's memory class is
// its own, so a pool keeps warm sandboxes for it beside the submissions' (docker.Pool.Fill).
var ValidatorLimits = JobLimits{Time: 10 * time.Second, Wall: 20 * time.Second, MemoryMiB: 512,
	OutputBytes: 1 << 20, StderrBytes: 16 << 10}

// SandboxMemories are the memory limits (MiB) of the sandboxes that judging these problems
// takes, each once: every problem's own, and a Python output validator's (ValidatorLimits,
// in the submissions' sandbox; a C or C++ one runs in the validator image's).
func SandboxMemories(ps ...*Problem) []int {
	var mems []int
	for _, p := range ps {
		mems = append(mems, p.Limits.MemoryMiB)
		if v := p.Validation.Validator; v != nil && !v.Compiled() {
			mems = append(mems, ValidatorLimits.MemoryMiB)
		}
	}
	slices.Sort(mems)
	return slices.Compact(mems)
}

// validatorFor is the problem's output validator ready to run, and the sandbox it runs in: a
// Python one in the submissions' sandbox, a C or C++ one compiled (once) and run in the
// validator image's.
func (j *Judge) validatorFor(ctx context.Context, p *Problem) (*Program, Sandbox, error) {
	prog := p.Validation.Validator
	if !prog.Compiled() {
		return prog, j.Sandbox, nil
	}
	if j.Validators == nil {
		return nil, nil, fmt.Errorf("judge %s: its output validator is C/C++ and no validator sandbox is set up (judge image build --validator): %w", p.ID, ErrUnavailable)
	}
	prog, err := j.Validators.Binary(ctx, prog)
	if err != nil {
		return nil, nil, fmt.Errorf("judge %s: %w", p.ID, err)
	}
	return prog, j.Validators.Sandbox, nil
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
