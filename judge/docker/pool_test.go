package docker_test

// The pool's behaviour against the real engine: one submission per container, replacement after
// use, recycling after the maximum age, draining on Close, nothing left behind. No timing is
// asserted: speed is measured by `make bench`.

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/client"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
)

// newPool returns a pool that is closed, and checked to have left nothing, when the test ends.
func newPool(t *testing.T, opt docker.PoolOptions) (*client.Client, *docker.Pool) {
	t.Helper()
	c, sb := engine(t) // its cleanup, which runs after ours, asserts that no container is left
	p := docker.NewPool(sb, opt)
	t.Cleanup(func() { assert.NoError(t, p.Close()) })
	return c, p
}

// markingSource is a "sum" solution that answers right only when no other submission has run in
// its container: each submission leaves a mark in /tmp and looks for the marks of others.
func markingSource(token string) string {
	return fmt.Sprintf(`import glob
a, b = map(int, input().split())
mine = "/tmp/mark-%s"
others = [m for m in glob.glob("/tmp/mark-*") if m != mine]
open(mine, "w").close()
print("container reused after " + ",".join(others) if others else a + b)
`, token)
}

func ownContainers(t *testing.T, c *client.Client) []string {
	t.Helper()
	list, err := c.ContainerList(context.Background(), container.ListOptions{
		All: true, Filters: filters.NewArgs(filters.Arg("label", docker.OwnerLabel())),
	})
	require.NoError(t, err)
	ids := make([]string, 0, len(list))
	for _, s := range list {
		ids = append(ids, s.ID)
	}
	return ids
}

func gone(c *client.Client, id string) func() bool {
	return func() bool {
		_, err := c.ContainerInspect(context.Background(), id)
		return cerrdefs.IsNotFound(err)
	}
}

func TestPoolOneSubmissionPerContainer(t *testing.T) {
	_, p := newPool(t, docker.PoolOptions{Size: 2})
	prob := testProblem(t, "sum")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	require.NoError(t, p.Fill(ctx, prob.Limits.MemoryMiB))
	j := &judge.Judge{Sandbox: p}
	cases := []struct {
		name       string
		concurrent int
	}{
		{"one after another", 1},
		{"several at once", 5},
	}
	n := 0
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for round := 0; round < 2; round++ {
				var wg sync.WaitGroup
				for i := 0; i < tc.concurrent; i++ {
					n++
					token := fmt.Sprintf("%s-%d", strings.ReplaceAll(tc.name, " ", "-"), n)
					wg.Add(1)
					go func() {
						defer wg.Done()
						rep, err := j.Judge(ctx, prob, judge.Submission{Filename: "s.py", Source: []byte(markingSource(token))}, judge.Options{Reveal: true})
						if assert.NoError(t, err) {
							assert.Equal(t, judge.Accepted, rep.Verdict, "%s: %+v", token, rep.Tests)
						}
					}()
				}
				wg.Wait()
			}
		})
	}
	st := p.Stats()
	assert.Equal(t, n, st.Warm+st.Waited, "every job took exactly one container")
	assert.GreaterOrEqual(t, st.Warm, 2, "the filled containers served jobs")
}

func TestPoolReplacesUsedContainer(t *testing.T) {
	c, p := newPool(t, docker.PoolOptions{Size: 2})
	prob := testProblem(t, "add")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	mem := prob.Limits.MemoryMiB
	require.NoError(t, p.Fill(ctx, mem))
	before := p.IdleIDs(mem)
	require.Len(t, before, 2)

	rep, err := (&judge.Judge{Sandbox: p}).Judge(ctx, prob, judge.Submission{Filename: "s.py", Source: []byte("def add(a, b):\n    return a + b\n")}, judge.Options{})
	require.NoError(t, err)
	assert.Equal(t, judge.Accepted, rep.Verdict, "%+v", rep.Tests)

	require.NoError(t, p.Fill(ctx, mem))
	after := p.IdleIDs(mem)
	require.Len(t, after, 2, "the pool is full again")
	assert.NotContains(t, after, before[0], "the container that served the job is not handed out again")
	assert.Contains(t, after, before[1], "the container that waited is still there")
	require.Eventually(t, gone(c, before[0]), time.Minute, 50*time.Millisecond, "the used container is removed")
	st := p.Stats()
	assert.Equal(t, 1, st.Warm)
	assert.Equal(t, 3, st.Started)
}

func TestPoolRecyclesOldContainers(t *testing.T) {
	c, p := newPool(t, docker.PoolOptions{Size: 2, MaxAge: time.Hour})
	var now atomic.Int64
	now.Store(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano())
	p.SetClock(func() time.Time { return time.Unix(0, now.Load()) })
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const mem = 64
	require.NoError(t, p.Fill(ctx, mem))
	old := p.IdleIDs(mem)
	require.Len(t, old, 2)

	t.Run("in use: replaced", func(t *testing.T) {
		now.Add(int64(59 * time.Minute))
		require.NoError(t, p.Fill(ctx, mem)) // full already: only marks the limit as in use
		p.Recycle()
		assert.Equal(t, old, p.IdleIDs(mem), "younger than the maximum age: kept")
		now.Add(int64(2 * time.Minute))
		p.Recycle()
		assert.Equal(t, 2, p.Owed(mem), "both are being replaced")
		require.Eventually(t, func() bool { return len(p.IdleIDs(mem)) == 2 }, 2*time.Minute, 20*time.Millisecond)
		fresh := p.IdleIDs(mem)
		for _, id := range old {
			assert.NotContains(t, fresh, id)
			require.Eventually(t, gone(c, id), time.Minute, 50*time.Millisecond, "recycled container %s is removed", id[:12])
		}
		assert.Equal(t, 2, p.Stats().Recycled)
	})
	t.Run("no longer in use: not replaced", func(t *testing.T) {
		now.Add(int64(3 * time.Hour))
		p.Recycle()
		assert.Empty(t, p.IdleIDs(mem))
		assert.Equal(t, 0, p.Owed(mem), "nothing is started for a memory limit nobody asked for")
		assert.Equal(t, 4, p.Stats().Recycled)
	})
}

func TestPoolCloseDrains(t *testing.T) {
	c, sb := engine(t)
	p := docker.NewPool(sb, docker.PoolOptions{Size: 2})
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	require.NoError(t, p.Fill(ctx, 64, 128))
	assert.Len(t, ownContainers(t, c), 4, "two warm containers per memory limit, both limits filled by one call")
	assert.Len(t, p.IdleIDs(64), 2)
	assert.Len(t, p.IdleIDs(128), 2)

	require.NoError(t, p.Close())
	assert.Empty(t, ownContainers(t, c), "Close removes every container the pool made")
	_, err := p.Run(ctx, judge.Job{Limits: judge.JobLimits{MemoryMiB: 64}}, func(judge.Execution) bool { return true })
	assert.ErrorIs(t, err, docker.ErrPoolClosed)
	assert.NoError(t, p.Close(), "closing twice is harmless")
}

// TestPoolVerdicts runs the paths where the pool's job handling matters: a normal end, a run
// stopped early, the wall-clock budget, an OOM kill, a compile error, several memory limits.
func TestPoolVerdicts(t *testing.T) {
	_, p := newPool(t, docker.PoolOptions{Size: 1})
	j := &judge.Judge{Sandbox: p}
	cases := []struct {
		name, problem, source string
		opt                   judge.Options
		want                  judge.Verdict
	}{
		{"stdio accepted", "sum", "a, b = map(int, input().split())\nprint(a + b)\n", judge.Options{}, judge.Accepted},
		{"function accepted", "add", "def add(a, b):\n    return a + b\n", judge.Options{}, judge.Accepted},
		{"wrong answer, stopped early", "sum", "print(3)\n", judge.Options{StopOnFailure: true}, judge.WrongAnswer},
		{"busy loop is TLE", "sum", "while True:\n    pass\n", judge.Options{StopOnFailure: true}, judge.TimeLimitExceeded},
		{"1 GB bytearray is MLE", "sum", "x = bytearray(1 << 30)\nprint(len(x))\n", judge.Options{}, judge.MemoryLimitExceeded},
		{"syntax error is CE", "sum", "def f(:\n    pass\n", judge.Options{}, judge.CompileError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			rep, err := j.Judge(ctx, testProblem(t, tc.problem), judge.Submission{Filename: "s.py", Source: []byte(tc.source)}, tc.opt)
			require.NoError(t, err)
			assert.Equal(t, tc.want, rep.Verdict, "%+v", rep.Tests)
			assert.NotEmpty(t, rep.Python, "the Python version comes from the hello read at warm-up")
			assert.NotEmpty(t, rep.Image)
		})
	}
}

func TestPoolCancelRemovesContainer(t *testing.T) {
	c, sb := engine(t)
	p := docker.NewPool(sb, docker.PoolOptions{Size: 1})
	ctx, cancel := context.WithCancel(context.Background())
	prob := testProblem(t, "sum")
	require.NoError(t, p.Fill(ctx, prob.Limits.MemoryMiB))
	started := make(chan struct{})
	var once sync.Once
	done := make(chan error, 1)
	go func() {
		_, err := (&judge.Judge{Sandbox: p}).Judge(ctx, prob, judge.Submission{Filename: "s.py", Source: []byte("import time\ntime.sleep(3600)\n")}, judge.Options{
			// The sample test's result is in once the first (sleeping) secret test runs; All, or
			// the judging budget would end the judging there.
			All:      true,
			Progress: func(int, int, judge.TestResult) { once.Do(func() { close(started) }) },
		})
		done <- err
	}()
	select {
	case <-started:
	case <-time.After(2 * time.Minute):
		t.Fatal("the first test never finished")
	}
	cancel()
	select {
	case err := <-done:
		require.ErrorIs(t, err, context.Canceled)
	case <-time.After(30 * time.Second):
		t.Fatal("judge did not return after cancel")
	}
	require.NoError(t, p.Close())
	assert.Empty(t, ownContainers(t, c))
}
