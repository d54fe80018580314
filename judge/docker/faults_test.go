package docker_test

// Faults of the judge's own world, on the real binary and the real engine: the judge killed
// outright or interrupted mid-run, the Docker engine unreachable or gone mid-run, and the judge's
// own memory while a submission floods its output.

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/docker/docker/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
)

// exitBound is the hang guard for a judge that was told to stop or lost its engine: it must be
// gone long before this.
const exitBound = 30 * time.Second

// judgeProcess is bin/judge running `judge run` from testdata/.
type judgeProcess struct {
	cmd            *exec.Cmd
	stdout, stderr lockedBuffer // read while the process writes them (a hang's report)
	done           chan struct{}
	err            error
}

// lockedBuffer is a bytes.Buffer that may be read while it is written.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func startJudge(t *testing.T, bin string, env []string, args ...string) *judgeProcess {
	t.Helper()
	p := &judgeProcess{done: make(chan struct{})}
	p.cmd = exec.Command(bin, append([]string{"--problems", "problems"}, args...)...)
	p.cmd.Dir = filepath.Join(repoRoot(), "testdata")
	// Calibrations go to a cache of the test's own, not the user's.
	p.cmd.Env = append(append(os.Environ(), "JUDGE_CACHE_DIR="+t.TempDir()), env...)
	p.cmd.Stdout, p.cmd.Stderr = &p.stdout, &p.stderr
	require.NoError(t, p.cmd.Start())
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		select {
		case <-p.done:
		default:
			_ = p.cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

// wait waits for the judge to exit (at most bound) and returns its exit code.
func (p *judgeProcess) wait(t *testing.T, bound time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
	case <-time.After(bound):
		_ = p.cmd.Process.Kill()
		<-p.done
		t.Fatalf("the judge did not exit within %v; stderr:\n%s", bound, p.stderr.String())
	}
	var ee *exec.ExitError
	if errors.As(p.err, &ee) {
		return ee.ExitCode()
	}
	require.NoError(t, p.err)
	return 0
}

// waitRunning waits until the judge has a running sandbox container and returns its ID.
func (p *judgeProcess) waitRunning(t *testing.T, c *client.Client) string {
	t.Helper()
	var id string
	require.Eventually(t, func() bool {
		for _, cid := range containersOf(t, c, p.cmd.Process.Pid) {
			st, err := c.ContainerInspect(context.Background(), cid)
			if err == nil && st.State != nil && st.State.Running {
				id = cid
				return true
			}
		}
		return false
	}, exitBound, 20*time.Millisecond, "the judge never had a running sandbox; stderr:\n%s", p.stderr.String())
	return id
}

// sweepAfter removes, when the test ends, any container a dead judge of this test left.
func sweepAfter(t *testing.T, c *client.Client) {
	t.Cleanup(func() {
		_, err := docker.Sweep(context.Background(), c)
		assert.NoError(t, err)
	})
}

func exists(c *client.Client, id string) bool {
	_, err := c.ContainerInspect(context.Background(), id)
	return err == nil
}

// sleeper is judged with --all so that the judging lasts a wall limit per test: the judging
// budget would end it after the first.
const sleeper = "hostile/time/sleep_forever.py"

func TestKilledJudgeIsSweptByTheNextRun(t *testing.T) {
	c, _ := engine(t)
	sweepAfter(t, c)
	bin := judgeBinary(t)
	p := startJudge(t, bin, nil, "run", "--all", "probe", sleeper)
	id := p.waitRunning(t, c)
	require.NoError(t, p.cmd.Process.Signal(syscall.SIGKILL))
	p.wait(t, exitBound)
	require.True(t, exists(c, id), "a judge killed with SIGKILL cannot clean up: its container is an orphan")

	next := startJudge(t, bin, nil, "run", "sum", "hostile/source/good.py")
	assert.Equal(t, 0, next.wait(t, caseBound), "the next run judges normally; stderr:\n%s", next.stderr.String())
	// (Any judge starting now sweeps it: in go test ./... that may be another package's.)
	assert.False(t, exists(c, id), "the next run removed the orphan")
}

func TestInterruptRemovesContainerAndExits(t *testing.T) {
	c, _ := engine(t)
	sweepAfter(t, c)
	p := startJudge(t, judgeBinary(t), nil, "run", "--all", "probe", sleeper)
	id := p.waitRunning(t, c)
	start := time.Now()
	require.NoError(t, p.cmd.Process.Signal(os.Interrupt))
	code := p.wait(t, exitBound)
	t.Logf("the judge exited %.2f s after Ctrl-C", time.Since(start).Seconds())
	assert.Equal(t, 3, code, "an interrupted judging is not a verdict; stderr:\n%s", p.stderr.String())
	assert.Contains(t, p.stderr.String(), "interrupted")
	assert.False(t, exists(c, id), "Ctrl-C removed the sandbox")
	assert.Empty(t, p.stdout.String(), "no report for a judging that did not finish")
}

func TestEngineUnreachable(t *testing.T) {
	bin := judgeBinary(t)
	cases := []struct {
		name string
		host string
	}{
		{"no socket", "unix:///nonexistent/docker.sock"},
		{"nothing listening", "tcp://127.0.0.1:1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := startJudge(t, bin, []string{"DOCKER_HOST=" + tc.host}, "run", "sum", "hostile/source/good.py")
			assert.Equal(t, 3, p.wait(t, exitBound), "stderr:\n%s", p.stderr.String())
			assert.Contains(t, p.stderr.String(), "the Docker engine does not answer")
			assert.Empty(t, p.stdout.String(), "no report, and no verdict blamed on the candidate")
		})
	}
}

func TestEngineGoesAwayMidRun(t *testing.T) {
	c, _ := engine(t)
	sweepAfter(t, c)
	bin := judgeBinary(t)
	cases := []struct {
		name string
		// ready says when to cut: the container runs, or its harness has forked the first test
		// (which sleeps), so the judge is reading reports.
		ready func(id string) bool
	}{
		{"as the container starts", func(string) bool { return true }},
		{"during a test", func(id string) bool {
			top, err := c.ContainerTop(context.Background(), id, nil)
			return err == nil && len(top.Processes) >= 2
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			proxy := startProxy(t, c)
			p := startJudge(t, bin, []string{"DOCKER_HOST=unix://" + proxy.path}, "run", "--all", "probe", sleeper)
			id := p.waitRunning(t, c)
			require.Eventually(t, func() bool { return tc.ready(id) }, exitBound, 20*time.Millisecond)
			start := time.Now()
			proxy.cut()
			code := p.wait(t, exitBound)
			t.Logf("the judge exited %.2f s after losing the engine: %s", time.Since(start).Seconds(), strings.TrimSpace(p.stderr.String()))
			assert.Equal(t, 3, code, "losing the engine is the judge's failure, not a verdict; stderr:\n%s", p.stderr.String())
			assert.Contains(t, p.stderr.String(), "lost the Docker engine")
			assert.Empty(t, p.stdout.String(), "no report, and no verdict blamed on the candidate")
		})
	}
}

// proxy forwards a Unix socket to the engine's until cut, when it drops every connection and
// stops listening: to the judge, the engine is gone.
type proxy struct {
	path  string
	ln    net.Listener
	wg    sync.WaitGroup
	mu    sync.Mutex
	gone  bool
	conns []net.Conn
}

func startProxy(t *testing.T, c *client.Client) *proxy {
	t.Helper()
	target, ok := strings.CutPrefix(c.DaemonHost(), "unix://")
	require.True(t, ok, "the proxy forwards to a Unix socket; the engine is at %s", c.DaemonHost())
	dir, err := os.MkdirTemp(os.TempDir(), "judge-proxy-")
	require.NoError(t, err)
	p := &proxy{path: filepath.Join(dir, "docker.sock")}
	p.ln, err = net.Listen("unix", p.path)
	require.NoError(t, err)
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for {
			in, err := p.ln.Accept()
			if err != nil {
				return
			}
			out, err := net.Dial("unix", target)
			if err != nil {
				in.Close()
				continue
			}
			if !p.track(in, out) {
				return
			}
			p.wg.Add(2)
			go p.pipe(out, in)
			go p.pipe(in, out)
		}
	}()
	t.Cleanup(func() {
		p.cut()
		os.RemoveAll(dir)
	})
	return p
}

// pipe copies one direction and passes its end on as a half-close: the judge closes the write
// side of an attach connection to end the harness's stdin while reports still flow back. Once
// the proxy is cut it forwards nothing more, not even on a connection it has yet to close, so the
// engine is gone at once for every connection.
func (p *proxy) pipe(dst, src net.Conn) {
	defer p.wg.Done()
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if p.isGone() {
				dst.Close()
				src.Close()
				return
			}
			if _, werr := dst.Write(buf[:n]); werr != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	_ = dst.(*net.UnixConn).CloseWrite()
}

func (p *proxy) isGone() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.gone
}

// track records a forwarded pair; false when the proxy was cut meanwhile.
func (p *proxy) track(conns ...net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.gone {
		for _, c := range conns {
			c.Close()
		}
		return false
	}
	p.conns = append(p.conns, conns...)
	return true
}

// cut drops every connection and stops listening.
func (p *proxy) cut() {
	p.mu.Lock()
	if !p.gone {
		p.gone = true
		p.ln.Close()
		for _, c := range p.conns {
			c.Close()
		}
	}
	p.mu.Unlock()
	p.wg.Wait()
}

func TestJudgeMemoryStaysBoundedDuringFloods(t *testing.T) {
	c, _ := engine(t)
	sweepAfter(t, c)
	bin := judgeBinary(t)
	const bound = 200 << 20
	cases := []struct {
		file, verdict string
	}{
		{"hostile/output/endless_stdout.py", "OLE"},
		{"hostile/output/endless_stderr.py", "OLE"},
		{"hostile/output/one_big_write.py", "OLE"},
	}
	for _, tc := range cases {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			p := startJudge(t, bin, nil, "run", "--json", "flood", tc.file)
			assert.Equal(t, 1, p.wait(t, caseBound), "stderr:\n%s", p.stderr.String())
			assert.Contains(t, p.stdout.String(), `"verdict": "`+tc.verdict+`"`)
			// ru_maxrss of the judge process, in KiB on Linux: its peak resident memory.
			ru, ok := p.cmd.ProcessState.SysUsage().(*syscall.Rusage)
			require.True(t, ok)
			peak := ru.Maxrss << 10
			t.Logf("judge peak RSS while %s floods a 32 MiB output limit on 4 tests: %.1f MiB", filepath.Base(tc.file), float64(peak)/(1<<20))
			assert.Less(t, peak, int64(bound), "the judge's own memory stays bounded during an output flood")
		})
	}
}

// TestHostKillsAnOverrunningContainer: the harness stops each test itself; a container that does
// not finish in time for any reason is killed from the host when the run's wall budget (start-up
// allowance + tests x wall limit) is spent. Here the harness waits for a test input that never
// comes, so only the host can end it.
func TestHostKillsAnOverrunningContainer(t *testing.T) {
	c, sb := engine(t)
	release := make(chan struct{})
	defer close(release)
	job := judge.Job{
		Mode:     judge.JobStdio,
		Filename: "good.py",
		Source:   []byte("print(input())\n"),
		Limits:   judge.JobLimits{Time: time.Second, Wall: time.Second, MemoryMiB: 64, OutputBytes: 1 << 20, StderrBytes: 1 << 10},
		Tests:    1,
		Frames: func(int) [][]byte {
			<-release
			return nil
		},
	}
	sb.Startup = 5 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), exitBound)
	defer cancel()
	reported := 0
	info, err := sb.Run(ctx, job, func(judge.Execution) bool { reported++; return true })
	require.NoError(t, err)
	assert.Equal(t, judge.StatusTLE, info.Killed, "the container was killed from the host for time")
	assert.Zero(t, reported)
	assert.Empty(t, sandboxesOfThisProcess(t, c), "and removed")
}
