package docker_test

// Integration tests against the real Docker engine: they are the point of the sandbox, so they
// never skip. Without an engine or the runner image they fail and say what to do.

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/problemset"
)

func engine(t *testing.T) (*client.Client, *docker.Sandbox) {
	t.Helper()
	ctx := context.Background()
	c, err := docker.Connect(ctx)
	require.NoError(t, err, "these tests need a running Docker engine (docker info)")
	sb, err := docker.NewSandbox(ctx, c, docker.RunnerImage())
	if err != nil && docker.HasRootfs(ctx, c) {
		// Only the harness layer is stale: rebuilding it takes seconds.
		_, err = docker.Build(ctx, c, docker.BuildOptions{})
		require.NoError(t, err)
		sb, err = docker.NewSandbox(ctx, c, docker.RunnerImage())
	}
	require.NoError(t, err, "these tests need the runner image: run `make image`")
	t.Cleanup(func() {
		assertNoContainers(t, c)
		c.Close()
	})
	return c, sb
}

func assertNoContainers(t *testing.T, c *client.Client) {
	t.Helper()
	list, err := c.ContainerList(context.Background(), container.ListOptions{
		All: true, Filters: filters.NewArgs(filters.Arg("label", docker.OwnerLabel())),
	})
	require.NoError(t, err)
	assert.Empty(t, list, "a sandbox container of this test process was left behind")
}

func testProblem(t *testing.T, name string) *judge.Problem {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	p, err := problemset.LoadDir(filepath.Join(filepath.Dir(file), "..", "..", "testdata", "problems", name))
	require.NoError(t, err)
	return p
}

func TestVerdicts(t *testing.T) {
	_, sb := engine(t)
	j := &judge.Judge{Sandbox: sb}
	cases := []struct {
		name    string
		problem string
		source  string
		want    judge.Verdict
		message string // part of the first failing test's message
	}{
		{"stdio accepted", "sum", "a, b = map(int, input().split())\nprint(a + b)\n", judge.Accepted, ""},
		{"stdio accepted with CRLF and BOM", "sum", "\ufeffimport sys\r\na, b = map(int, sys.stdin.read().split())\r\nprint(a + b)\r\n", judge.Accepted, ""},
		{"wrong answer", "sum", "print(3)\n", judge.WrongAnswer, ""},
		{"busy loop is TLE", "sum", "while True:\n    pass\n", judge.TimeLimitExceeded, ""},
		{"sleeping is TLE", "sum", "import time\ntime.sleep(3600)\n", judge.TimeLimitExceeded, ""},
		{"1 GB bytearray is MLE", "sum", "x = bytearray(1 << 30)\nprint(len(x))\n", judge.MemoryLimitExceeded, ""},
		{"growing list is MLE", "sum", "x = []\nwhile True:\n    x.append(' ' * 4096)\n", judge.MemoryLimitExceeded, ""},
		{"self-inflicted SIGKILL is RE", "sum", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n", judge.RuntimeError, "SIGKILL"},
		{"exception is RE", "sum", "raise ValueError('boom')\n", judge.RuntimeError, "ValueError"},
		{"exit code is RE", "sum", "import sys\nsys.exit(3)\n", judge.RuntimeError, "exit code 3"},
		{"endless output is OLE", "sum", "while True:\n    print('x' * 1000)\n", judge.OutputLimitExceeded, ""},
		{"syntax error is CE", "sum", "def f(:\n    pass\n", judge.CompileError, "line 1"},
		{"memory is measured", "sum", "x = bytearray(40 << 20)\na, b = map(int, input().split())\nprint(a + b)\n", judge.Accepted, ""},
		{"function accepted", "add", "def add(a, b):\n    return a + b\n", judge.Accepted, ""},
		{"class Solution accepted", "add", "class Solution:\n    def add(self, a: int, b: int) -> int:\n        return a + b\n", judge.Accepted, ""},
		{"function wrong", "add", "def add(a, b):\n    return a - b\n", judge.WrongAnswer, ""},
		{"function missing", "add", "def plus(a, b):\n    return a + b\n", judge.RuntimeError, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			p := testProblem(t, tc.problem)
			rep, err := j.Judge(ctx, p, judge.Submission{Filename: "solution.py", Source: []byte(tc.source)}, judge.Options{Reveal: true})
			require.NoError(t, err)
			assert.Equal(t, tc.want, rep.Verdict, "report: %+v", rep)
			assert.NotEmpty(t, rep.Python)
			assert.NotEmpty(t, rep.Image)
			if tc.want == judge.CompileError {
				assert.Contains(t, rep.Message, tc.message)
				assert.Empty(t, rep.Tests, "no test runs after a compile error")
				return
			}
			require.Len(t, rep.Tests, len(p.Tests))
			if tc.name == "memory is measured" {
				for _, tr := range rep.Tests {
					assert.InDelta(t, 40+10, tr.MemoryMiB, 15, "peak memory of a test that holds 40 MiB")
					assert.Greater(t, tr.CPUMillis, 0.0, "CPU time is measured")
				}
			}
			if tc.want == judge.Accepted {
				assert.Equal(t, 1.0, rep.Score)
				for _, tr := range rep.Tests {
					assert.Greater(t, tr.WallMillis, 0.0, "wall time is measured")
				}
				return
			}
			for _, tr := range rep.Tests {
				if tr.Verdict != judge.Accepted {
					assert.Contains(t, tr.Message, tc.message)
					break
				}
			}
		})
	}
}

// With validation: custom, validator_flags reach the output validator as arguments and change its
// decision: kattis-flags' validator accepts n//2 for n/2 only under its `tolerance 0.5` flag.
func TestCustomValidatorReadsItsFlags(t *testing.T) {
	_, sb := engine(t)
	j := &judge.Judge{Sandbox: sb}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	p := testProblem(t, "kattis-flags")
	require.Equal(t, []string{"tolerance", "0.5"}, p.Validation.Flags)
	floor := judge.Submission{Filename: "floor.py", Source: []byte("print(int(input()) // 2)\n")}

	rep, err := j.Judge(ctx, p, floor, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "within the flag's tolerance: %+v", rep.Tests)

	exact := *p
	exact.Validation.Flags = nil
	rep, err = j.Judge(ctx, &exact, floor, judge.Options{Reveal: true})
	require.NoError(t, err)
	assert.Equal(t, judge.WrongAnswer, rep.Verdict, "without the flag the validator wants n/2 exactly")
	assert.Equal(t, 1, rep.Passed, "only the even input is exact")
	assert.Contains(t, rep.Tests[0].Message, "tolerance 0")
}

// A validator function (validator_function) judges in its own sandbox, through the real
// engine: True accepts, a message rejects with that message, and an exception is the
// validator's failure (the judge's error), never the candidate's wrong answer.
func TestValidatorFunction(t *testing.T) {
	_, sb := engine(t)
	j := &judge.Judge{Sandbox: sb}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	p := *testProblem(t, "sum")
	p.Validation.Validator = &judge.Program{Entry: "check.py", Lang: judge.LangPython, Function: "check", Files: map[string][]byte{
		"check.py": []byte("import os\n\ndef check(input, answer, output):\n" +
			"    if output.strip() == 'boom':\n        raise ValueError('the validator broke')\n" +
			"    if output.split() != answer.split():\n        return f'{output.strip()} is not the sum of {input.split()}'\n" +
			"    return True\n")}}
	sub := func(src string) judge.Submission { return judge.Submission{Filename: "s.py", Source: []byte(src)} }
	good := "a, b = map(int, input().split())\nprint(a + b)\n"

	rep, err := j.Judge(ctx, &p, sub(good), judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "%+v", rep.Tests)

	rep, err = j.Judge(ctx, &p, sub("a, b = map(int, input().split())\nprint(a - b)\n"), judge.Options{Reveal: true})
	require.NoError(t, err)
	require.Equal(t, judge.WrongAnswer, rep.Verdict, "%+v", rep.Tests)
	for _, tr := range rep.Tests {
		if tr.Verdict == judge.WrongAnswer {
			assert.Contains(t, tr.Message, "is not the sum of", "the function's message is the test's")
			break
		}
	}

	rep, err = j.Judge(ctx, &p, sub("print('boom')\n"), judge.Options{Reveal: true})
	require.NoError(t, err)
	assert.Equal(t, judge.InternalError, rep.Verdict, "a validator that raises is the judge's failure: %+v", rep.Tests)
	assert.Contains(t, rep.Tests[0].Message, "the validator broke")
}

func TestCancelRemovesContainer(t *testing.T) {
	c, sb := engine(t)
	j := &judge.Judge{Sandbox: sb}
	ctx, cancel := context.WithCancel(context.Background())
	p := testProblem(t, "sum")
	done := make(chan error, 1)
	go func() {
		_, err := j.Judge(ctx, p, judge.Submission{Filename: "s.py", Source: []byte("import time\ntime.sleep(3600)\n")}, judge.Options{
			Progress: func(int, int, judge.TestResult) {},
		})
		done <- err
	}()
	// Wait until the container exists, then cancel as Ctrl-C would.
	require.Eventually(t, func() bool {
		list, err := c.ContainerList(context.Background(), container.ListOptions{All: true, Filters: filters.NewArgs(filters.Arg("label", docker.OwnerLabel()))})
		return err == nil && len(list) > 0
	}, 30*time.Second, 20*time.Millisecond)
	cancel()
	select {
	case err := <-done:
		require.ErrorIs(t, err, context.Canceled)
	case <-time.After(30 * time.Second):
		t.Fatal("judge did not return after cancel")
	}
	assertNoContainers(t, c)
}

// TestLint: pyflakes runs in the sandbox and its findings, with their lines, come beside the
// verdict without touching it.
func TestLint(t *testing.T) {
	_, sb := engine(t)
	j := &judge.Judge{Sandbox: sb}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	src := "import os\n\n\ndef add(a: int, b: int) -> int:\n    scratch: List[int] = []\n    total = a + b\n    return total\n"
	rep, err := j.Judge(ctx, testProblem(t, "add"), judge.Submission{Filename: "solution.py", Source: []byte(src)}, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "lint findings never change a verdict")
	require.NotNil(t, rep.Lint, "the runner image has pyflakes: rebuild it with `make image`")
	assert.Contains(t, rep.Lint.Tool, "pyflakes")
	require.Equal(t, 2, rep.Lint.Total, "%+v", rep.Lint)
	assert.Equal(t, judge.LintFinding{Line: 1, Col: 1, Kind: "UnusedImport", Message: "'os' imported but unused"}, rep.Lint.Findings[0])
	assert.Equal(t, 5, rep.Lint.Findings[1].Line)
	assert.Equal(t, "UnusedVariable", rep.Lint.Findings[1].Kind, "List is given to function-mode submissions: no undefined name")

	rep, err = j.Judge(ctx, testProblem(t, "add"), judge.Submission{Filename: "solution.py", Source: []byte("def add(a, b:\n")}, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.CompileError, rep.Verdict)
	assert.Nil(t, rep.Lint, "nothing to lint after a compile error")
}

// In the sandbox, a function submission's tests share a process until one starts a thread or a
// process: there the harness reads the PID namespace's last PID, which a thread moves too, so a
// thread started and joined within its test (which leaves nothing a host run could see) still
// ends the run. An isolated job gives every test a process of its own.
func TestFunctionTestsShareAProcessInTheSandbox(t *testing.T) {
	_, sb := engine(t)
	source := `import subprocess, sys, threading
calls = []
def add(a, b):
    calls.append(a)
    if a == 1:
        t = threading.Thread(target=print)
        t.start()
        t.join()
    if a == 3:
        subprocess.run([sys.executable, "-c", "pass"])
    return len(calls)
`
	for _, tc := range []struct {
		isolate bool
		want    []string
	}{
		{false, []string{"1", "2", "1", "2", "1"}},
		{true, []string{"1", "1", "1", "1", "1"}},
	} {
		job := judge.Job{Mode: judge.JobFunction, Filename: "solution.py", Source: []byte(source),
			Function: &judge.FunctionSpec{Name: "add", Params: []string{"json", "json"}, Returns: "json"},
			Limits:   judge.JobLimits{Time: 2 * time.Second, Wall: 10 * time.Second, MemoryMiB: 256, OutputBytes: 1 << 20, StderrBytes: 1 << 16},
			Tests:    5, Isolate: tc.isolate,
			Frames: func(i int) [][]byte { return [][]byte{[]byte(fmt.Sprintf("[%d, 0]", i))} }}
		var got []string
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		_, err := sb.Run(ctx, job, func(e judge.Execution) bool {
			require.Equal(t, judge.StatusOK, e.Status, "test %d: %s %s", e.Test, e.Detail, e.Stderr)
			got = append(got, string(e.Output))
			return true
		})
		cancel()
		require.NoError(t, err)
		assert.Equal(t, tc.want, got, "isolate %v: what each test's call counter read", tc.isolate)
	}
}

// A stdio program's tests share a process while each exits 0 and leaves nothing running, each
// from its first line with its own input; in the sandbox a thread joined within its test and a
// process end the run, and each test finds /tmp empty: the files the test before it left are
// gone, and so is its own input's file (docs/harness-protocol.md, "Stdio programs: tests share a
// process"). An isolated job gives every test a process of its own.
func TestStdioTestsShareAProcessInTheSandbox(t *testing.T) {
	_, sb := engine(t)
	source := `import os, sys
what = sys.stdin.read().strip()
found = sorted(os.listdir("/tmp"))
open("/tmp/left-by-" + what, "w").close()
print(os.getpid(), what, found)
` + threadOrProcess + `
if what == "fail":
    sys.exit(3)
`
	inputs := []string{"a", "thread", "b", "process", "c", "fail", "d"}
	for _, isolate := range []bool{false, true} {
		job := judge.Job{Mode: judge.JobStdio, Filename: "solution.py", Source: []byte(source),
			Limits: judge.JobLimits{Time: 2 * time.Second, Wall: 10 * time.Second, MemoryMiB: 256, OutputBytes: 1 << 20, StderrBytes: 1 << 16},
			Tests:  len(inputs), Isolate: isolate,
			Frames: func(i int) [][]byte { return [][]byte{[]byte(inputs[i] + "\n")} }}
		var pids, read []string
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		_, err := sb.Run(ctx, job, func(e judge.Execution) bool {
			want := judge.StatusOK
			if inputs[e.Test] == "fail" {
				want = judge.StatusRE
			}
			require.Equal(t, want, e.Status, "test %d: %s %s", e.Test, e.Detail, e.Stderr)
			fields := strings.SplitN(strings.TrimSpace(string(e.Output)), " ", 3)
			require.Len(t, fields, 3, "test %d: %q", e.Test, e.Output)
			pids = append(pids, fields[0])
			read = append(read, fields[1]+" "+fields[2])
			return true
		})
		cancel()
		require.NoError(t, err)
		for i, in := range inputs {
			assert.Equal(t, in+" []", read[i], "isolate %v, test %d: its own input, and an empty /tmp", isolate, i)
		}
		if isolate {
			assert.Equal(t, []int{1, 1, 1, 1, 1, 1, 1}, runLengths(pids), "isolated: a process per test")
			continue
		}
		// A thread ends its run, a process ends its run, an exit status other than 0 ends its run.
		assert.Equal(t, []int{2, 2, 2, 1}, runLengths(pids), "how many tests each process ran")
	}
}

// threadOrProcess, in a test program that has read what into a variable of that name, starts
// and joins a thread, or runs a process to its end.
const threadOrProcess = `import subprocess, threading
if what == "thread":
    t = threading.Thread(target=print)
    t.start()
    t.join()
if what == "process":
    subprocess.run([sys.executable, "-c", "pass"])`

// runLengths says how many tests in a row each process ran, from the process ids the tests
// printed in order.
func runLengths(pids []string) []int {
	var runs []int
	for i, pid := range pids {
		if i == 0 || pid != pids[i-1] {
			runs = append(runs, 0)
		}
		runs[len(runs)-1]++
	}
	return runs
}

// A Python validator program's tests share a process while each exits 42 or 43 and leaves
// nothing running; in the sandbox a thread, even one joined within its test, and a process end
// the run (docs/harness-protocol.md, "Validator programs: tests share a process").
func TestValidatorProgramTestsShareAProcessInTheSandbox(t *testing.T) {
	_, sb := engine(t)
	source := `import os, sys
what = sys.stdin.read().strip()
print(os.getpid())
` + threadOrProcess + `
sys.exit(43 if what == "wrong" else 42)
`
	outputs := []string{"right", "thread", "right", "process", "wrong", "right"}
	v := &judge.Program{Entry: "v.py", Lang: judge.LangPython, Files: map[string][]byte{"v.py": []byte(source)}}
	job := judge.Job{Mode: judge.JobValidate, Filename: v.Entry, Validator: v, Limits: judge.ValidatorLimits,
		Tests: len(outputs), Frames: func(i int) [][]byte {
			return [][]byte{[]byte("in\n"), []byte("ans\n"), []byte(outputs[i] + "\n")}
		}}
	var codes, pids []string
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	_, err := sb.Run(ctx, job, func(e judge.Execution) bool {
		require.Equal(t, judge.StatusOK, e.Status, "test %d: %s %s", e.Test, e.Detail, e.Stderr)
		require.NotNil(t, e.ExitCode, "test %d", e.Test)
		codes = append(codes, fmt.Sprint(*e.ExitCode))
		pids = append(pids, strings.TrimSpace(string(e.Output)))
		return true
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"42", "42", "42", "42", "43", "42"}, codes)
	// A thread ends its run, a process ends its run, a 43 does not.
	assert.Equal(t, []int{2, 2, 2}, runLengths(pids), "how many tests each process ran")
}
