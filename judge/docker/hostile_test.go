package docker_test

// The hostile-submission catalog (testdata/hostile/manifest.json) against the real engine: every
// case gets its expected verdict or outcome, and after every case the suite checks that the
// judge returned, that no container, volume or temp file was left, that a canary file on the
// host is untouched, and that known-good submissions judged at the same time were accepted.

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/volume"
	"github.com/docker/docker/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/harness"
	"github.com/judge-dev/judge/judge/report"
)

// hostileParallel is how many cases are judged at once, on top of the known-good submissions
// judged alongside them.
const hostileParallel = 2

// caseBound is the hang guard of one case: far above what any case needs (the sandbox's own wall
// budget), so it only trips when the judge does not return.
const caseBound = 3 * time.Minute

// hostileCase is one entry of testdata/hostile/manifest.json (its "about" says what each field
// means).
type hostileCase struct {
	File     string   `json:"file"`
	Problem  string   `json:"problem"`
	Verdict  []string `json:"verdict"`
	Every    []string `json:"every"`
	Message  string   `json:"message"`
	Refused  string   `json:"refused"`
	Exit     *int     `json:"exit"`
	Stderr   string   `json:"stderr"`
	Args     []string `json:"args"`
	RepeatTo int      `json:"repeat_to"`
	Filename string   `json:"filename"`
}

func (c hostileCase) name() string {
	n := strings.TrimSuffix(c.File, ".py")
	if c.Exit != nil {
		n = "request/" + strings.Join(append([]string{c.Problem}, c.Args...), " ") + " " + filepath.Base(c.File)
	}
	if c.Filename != "" {
		n += " as " + c.Filename
	}
	return n
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

func readManifest(t *testing.T) []hostileCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(), "testdata", "hostile", "manifest.json"))
	require.NoError(t, err)
	var m struct {
		Cases []hostileCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(b, &m))
	return m.Cases
}

func TestHostileSubmissions(t *testing.T) {
	c, sb := engine(t)
	cases := readManifest(t)
	require.GreaterOrEqual(t, len(cases), 40, "the catalog holds at least 40 hostile submissions")
	bin := judgeBinary(t)
	canary := newCanary(t)
	// Calibrations of the judge runs below go here, outside the temp folder that must stay empty.
	cacheDir := t.TempDir()
	// Set last: from here on the judge's temp folder must stay empty.
	tmp := isolateTempDir(t)
	volumesBefore := volumeNames(t, c)
	// JUDGE_TEST_RUNTIME runs the catalog on another OCI runtime, e.g. runsc (SECURITY.md).
	runtimeName := os.Getenv("JUDGE_TEST_RUNTIME")
	sb.Runtime = runtimeName
	runs := &runCounter{Sandbox: sb}
	good := startGoodSubmissions(t, runs)

	started := time.Now()
	t.Run("cases", func(t *testing.T) {
		sem := make(chan struct{}, hostileParallel)
		seen := map[string]bool{}
		for _, hc := range cases {
			require.False(t, seen[hc.name()], "duplicate case %s", hc.name())
			seen[hc.name()] = true
			t.Run(hc.name(), func(t *testing.T) {
				t.Parallel()
				sem <- struct{}{}
				defer func() { <-sem }()
				switch {
				case hc.Exit != nil:
					runRequest(t, c, bin, tmp, cacheDir, runtimeName, hc)
				case hc.Refused != "":
					runRefused(t, sb, hc)
				default:
					runHostile(t, c, runs, hc)
				}
				canary.check(t)
				assert.Empty(t, dirEntries(t, tmp), "the judge left temp files behind")
			})
		}
	})
	judged := good.stop(t)
	t.Logf("%d hostile cases in %.1f s, 2 at a time, with %d known-good submissions judged alongside", len(cases), time.Since(started).Seconds(), judged)

	assertNoContainers(t, c)
	assert.Subset(t, volumesBefore, volumeNames(t, c), "the judge left volumes behind")
	canary.check(t)
}

// runHostile judges one hostile submission in-process on the real sandbox.
func runHostile(t *testing.T, c *client.Client, runs *runCounter, hc hostileCase) {
	p := testProblem(t, hc.Problem)
	src := caseSource(t, hc)
	ctx, cancel := context.WithTimeout(context.Background(), caseBound)
	defer cancel()
	mine := &runCounter{Sandbox: runs}
	// As a candidate sees it: no --reveal.
	rep, err := (&judge.Judge{Sandbox: mine}).Judge(ctx, p, src, judge.Options{})
	require.NoError(t, err, "the judge returns a report, whatever the submission does")
	assertNoHiddenData(t, p, rep)
	var text bytes.Buffer
	require.NoError(t, report.Text(&text, rep))
	assert.False(t, strings.ContainsFunc(text.String(), func(r rune) bool { return r != '\n' && r != '\t' && unicode.IsControl(r) }),
		"the text report a person reads holds no control character from the submission:\n%q", text.String())
	assert.Contains(t, hc.Verdict, rep.Verdict.String(), "overall verdict; report:\n%s", describe(rep))
	if rep.Verdict == judge.CompileError {
		assert.Empty(t, rep.Tests, "no test runs after a compile error")
		assert.Contains(t, rep.Message, hc.Message)
		return
	}
	require.Len(t, rep.Tests, len(p.Tests))
	// The judging budget may leave tests not run after one over a limit: "every" holds for the
	// tests that ran, and every test the judge meant to run reported itself.
	ran := 0
	overLimit := false
	for _, tr := range rep.Tests {
		if tr.Verdict == judge.NotRun {
			assert.True(t, overLimit, "test %s not run, but no earlier test went over a limit: %s", tr.Name, tr.Message)
			assert.NotEqual(t, "not run: an earlier test stopped the sandbox", tr.Message, "test %s", tr.Name)
			continue
		}
		ran++
		overLimit = overLimit || tr.Verdict == judge.TimeLimitExceeded || tr.Verdict == judge.MemoryLimitExceeded
		if len(hc.Every) > 0 {
			assert.Contains(t, hc.Every, tr.Verdict.String(), "test %s: %s", tr.Name, tr.Message)
		}
		assert.NotEqual(t, judge.InternalError, tr.Verdict, "never the judge's fault: test %s: %s", tr.Name, tr.Message)
		if tr.Verdict == judge.MemoryLimitExceeded {
			assertMemoryVerdict(t, p, tr)
		}
	}
	assert.EqualValues(t, ran, mine.executions.Load(),
		"the harness reported every test that ran itself: the submission did not take it down; report:\n%s", describe(rep))
	if hc.Message != "" {
		for _, tr := range rep.Tests {
			if tr.Verdict != judge.Accepted {
				assert.Contains(t, tr.Message, hc.Message, "message of test %s", tr.Name)
				break
			}
		}
	}
	// Containers still there belong to runs in flight; one more means this case left its own.
	// (The engine's list can lag a removal by a moment: look again before calling it a leak.)
	assert.Eventually(t, func() bool {
		finishedBefore := runs.finished.Load()
		n := len(sandboxesOfThisProcess(t, c))
		return int64(n) <= runs.started.Load()-finishedBefore
	}, 10*time.Second, 100*time.Millisecond, "a sandbox container outlived its run")
}

// assertMemoryVerdict checks an MLE is the memory mechanism's verdict (not a stall that ran into
// the wall limit) and that its reported peak is within the documented slack of the limit.
func assertMemoryVerdict(t *testing.T, p *judge.Problem, tr judge.TestResult) {
	t.Helper()
	assert.Contains(t, tr.Message, "memory", "test %s: MLE by the memory mechanism", tr.Name)
	assert.NotContains(t, tr.Message, "wall time", "test %s", tr.Name)
	assert.LessOrEqual(t, tr.MemoryMiB, float64(p.Limits.MemoryMiB+harness.MemorySlackMiB),
		"test %s: reported peak over the limit + the documented slack", tr.Name)
}

// assertNoHiddenData checks the candidate's report quotes no hidden test's input or answer
// (those long enough not to appear by chance).
func assertNoHiddenData(t *testing.T, p *judge.Problem, rep *judge.Report) {
	t.Helper()
	b, err := json.Marshal(rep)
	require.NoError(t, err)
	for _, tc := range p.Tests {
		if tc.Sample {
			continue
		}
		for _, data := range [][]byte{tc.Input, tc.Answer} {
			if d := bytes.TrimSpace(data); len(d) >= 8 {
				assert.NotContains(t, string(b), string(d), "the report quotes hidden data of %s", tc.Name)
			}
		}
	}
}

// runRefused checks a source is refused before any sandbox exists.
func runRefused(t *testing.T, sb judge.Sandbox, hc hostileCase) {
	p := testProblem(t, hc.Problem)
	mine := &runCounter{Sandbox: sb}
	_, err := (&judge.Judge{Sandbox: mine}).Judge(context.Background(), p, caseSource(t, hc), judge.Options{})
	require.ErrorIs(t, err, judge.ErrBadInput)
	assert.Contains(t, err.Error(), hc.Refused)
	assert.Zero(t, mine.started.Load(), "no sandbox was started for a refused source")
}

// runRequest runs bin/judge from testdata/ and checks its exit code and message.
func runRequest(t *testing.T, c *client.Client, bin, tmp, cacheDir, runtimeName string, hc hostileCase) {
	ctx, cancel := context.WithTimeout(context.Background(), caseBound)
	defer cancel()
	args := []string{"--problems", "problems"}
	if runtimeName != "" {
		args = append(args, "--runtime", runtimeName) // a case's own --runtime comes later and wins
	}
	args = append(args, hc.Args...)
	args = append(args, "run", hc.Problem, filepath.Join("hostile", hc.File))
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = filepath.Join(repoRoot(), "testdata")
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp, "JUDGE_CACHE_DIR="+cacheDir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, ctx.Err(), "judge %v did not return", args)
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else {
		require.NoError(t, err)
	}
	assert.Equal(t, *hc.Exit, code, "exit code of judge %v; stdout:\n%s\nstderr:\n%s", args, stdout.String(), stderr.String())
	assert.Contains(t, strings.ToLower(stderr.String()), strings.ToLower(hc.Stderr), "message of judge %v", args)
	if code != 0 {
		assert.NotContains(t, stderr.String(), "panic", "a message for a person, not a crash")
	}
	assert.Empty(t, containersOf(t, c, cmd.Process.Pid), "judge %v left a container behind", args)
}

func caseSource(t *testing.T, hc hostileCase) judge.Submission {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(), "testdata", "hostile", hc.File))
	require.NoError(t, err)
	if hc.RepeatTo > 0 {
		require.NotEmpty(t, b)
		b = bytes.Repeat(b, hc.RepeatTo/len(b)+1)[:hc.RepeatTo]
	}
	name := filepath.Base(hc.File)
	if hc.Filename != "" {
		name = hc.Filename
	}
	return judge.Submission{Filename: name, Source: b}
}

func describe(rep *judge.Report) string {
	var b strings.Builder
	b.WriteString(rep.Verdict.String() + " " + rep.Message + "\n")
	for _, tr := range rep.Tests {
		actual := ""
		if tr.Actual != nil {
			actual = *tr.Actual
			if len(actual) > 300 {
				actual = actual[:300] + "…"
			}
		}
		b.WriteString("  " + tr.Name + " " + tr.Verdict.String() + " " + tr.Message + " | output: " + strconv.Quote(actual) + "\n")
	}
	return b.String()
}

// runCounter counts sandbox runs and the executions the harness reported.
type runCounter struct {
	judge.Sandbox
	started, finished, executions atomic.Int64
}

func (r *runCounter) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	r.started.Add(1)
	defer r.finished.Add(1)
	return r.Sandbox.Run(ctx, job, func(e judge.Execution) bool {
		r.executions.Add(1)
		return each(e)
	})
}

// goodSubmissions judges a known-good submission over and over while the catalog runs: every one
// must be accepted, whatever the hostile neighbours do.
type goodSubmissions struct {
	stopCh chan struct{}
	done   chan struct{}
	mu     sync.Mutex
	got    []string
}

func startGoodSubmissions(t *testing.T, sb judge.Sandbox) *goodSubmissions {
	p := testProblem(t, "sum")
	src, err := os.ReadFile(filepath.Join(repoRoot(), "testdata", "hostile", "source", "good.py"))
	require.NoError(t, err)
	g := &goodSubmissions{stopCh: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(g.done)
		j := &judge.Judge{Sandbox: sb}
		for {
			select {
			case <-g.stopCh:
				return
			default:
			}
			ctx, cancel := context.WithTimeout(context.Background(), caseBound)
			rep, err := j.Judge(ctx, p, judge.Submission{Filename: "good.py", Source: src}, judge.Options{})
			cancel()
			g.mu.Lock()
			if err != nil {
				g.got = append(g.got, "error: "+err.Error())
			} else if rep.Verdict != judge.Accepted {
				g.got = append(g.got, describe(rep))
			} else {
				g.got = append(g.got, "AC")
			}
			g.mu.Unlock()
		}
	}()
	return g
}

func (g *goodSubmissions) stop(t *testing.T) int {
	close(g.stopCh)
	<-g.done
	g.mu.Lock()
	defer g.mu.Unlock()
	require.NotEmpty(t, g.got, "known-good submissions were judged alongside the catalog")
	for i, v := range g.got {
		assert.Equal(t, "AC", v, "known-good submission %d, judged next to hostile ones", i)
	}
	return len(g.got)
}

// canary is a file on the host that no submission may touch.
type canary struct {
	dir, path string
	sum       [32]byte
	mod       time.Time
}

func newCanary(t *testing.T) *canary {
	t.Helper()
	dir, err := os.MkdirTemp(os.TempDir(), "judge-canary-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	var b [8]byte
	_, _ = rand.Read(b[:])
	data := []byte("JUDGE-CANARY-" + hex.EncodeToString(b[:]) + "\n")
	path := filepath.Join(dir, "canary")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	st, err := os.Stat(path)
	require.NoError(t, err)
	return &canary{dir: dir, path: path, sum: sha256.Sum256(data), mod: st.ModTime()}
}

func (c *canary) check(t *testing.T) {
	t.Helper()
	data, err := os.ReadFile(c.path)
	require.NoError(t, err, "the canary file on the host is gone")
	st, err := os.Stat(c.path)
	require.NoError(t, err)
	assert.Equal(t, c.sum, sha256.Sum256(data), "the canary file on the host changed")
	assert.Equal(t, c.mod, st.ModTime(), "the canary file on the host was written")
	assert.Equal(t, []string{"canary"}, dirEntries(t, c.dir), "files appeared next to the canary")
}

// isolateTempDir points TMPDIR at a fresh empty folder for the judge (in-process and bin/judge)
// and returns it; every case checks it is still empty. Tests of this package run one at a time,
// so the change is seen by this test only.
func isolateTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp(os.TempDir(), "judge-tmpdir-")
	require.NoError(t, err)
	old, had := os.LookupEnv("TMPDIR")
	require.NoError(t, os.Setenv("TMPDIR", dir))
	t.Cleanup(func() {
		if had {
			os.Setenv("TMPDIR", old)
		} else {
			os.Unsetenv("TMPDIR")
		}
		os.RemoveAll(dir)
	})
	return dir
}

func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	names := []string{}
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func volumeNames(t *testing.T, c *client.Client) []string {
	t.Helper()
	list, err := c.VolumeList(context.Background(), volume.ListOptions{})
	require.NoError(t, err)
	names := []string{}
	for _, v := range list.Volumes {
		names = append(names, v.Name)
	}
	return names
}

func sandboxesOfThisProcess(t *testing.T, c *client.Client) []container.Summary {
	t.Helper()
	list, err := c.ContainerList(context.Background(), container.ListOptions{
		All: true, Filters: filters.NewArgs(filters.Arg("label", docker.OwnerLabel())),
	})
	require.NoError(t, err)
	return list
}

// containersOf lists the sandbox containers made by the judge process pid.
func containersOf(t *testing.T, c *client.Client, pid int) []string {
	t.Helper()
	list, err := c.ContainerList(context.Background(), container.ListOptions{
		All: true, Filters: filters.NewArgs(filters.Arg("label", "io.judge.managed=1")),
	})
	require.NoError(t, err)
	var ids []string
	for _, s := range list {
		if strings.HasPrefix(s.Labels["io.judge.owner"], strconv.Itoa(pid)+":") {
			ids = append(ids, s.ID)
		}
	}
	return ids
}

// judgeBinary builds bin/judge into a folder of its own, removed when the test ends.
func judgeBinary(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp(os.TempDir(), "judge-bin-")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	bin := filepath.Join(dir, "judge")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/judge")
	cmd.Dir = repoRoot()
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build ./cmd/judge: %s", out)
	return bin
}
