package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/jobs"
	"github.com/judge-dev/judge/judge/store"
)

// killSubmissions is how many submissions the worker kill -9 test sends: 300 (the issue's
// number) unless JUDGE_TEST_KILL_SUBMISSIONS says fewer, for a quick look on a loaded machine.
func killSubmissions(t *testing.T) int {
	if v := os.Getenv("JUDGE_TEST_KILL_SUBMISSIONS"); v != "" {
		n, err := strconv.Atoi(v)
		require.NoError(t, err, "JUDGE_TEST_KILL_SUBMISSIONS")
		require.GreaterOrEqual(t, n, 10, "JUDGE_TEST_KILL_SUBMISSIONS: at least 10")
		return n
	}
	return 300
}

// TestWorkerKill9LosesNothing runs one API server without workers and three `judge worker`
// processes on one PostgreSQL database, sends the submissions, kills one worker with SIGKILL
// while it judges, starts it again, and checks that every submission gets exactly one result
// (one job each, completed), that the dead worker's containers are gone after its next start,
// and that /readyz of a worker is green while it takes jobs.
func TestWorkerKill9LosesNothing(t *testing.T) {
	bin := buildJudge(t)
	db := pg.Database(t)
	api := startServer(t, bin, db, "--workers", "0")
	defer func() { _ = api.cmd.Process.Kill(); _ = api.cmd.Wait() }()
	admin := api.adminToken(t)
	var workers [3]*serveProc
	for i := range workers {
		workers[i] = startWorker(t, bin, db)
	}
	defer func() {
		for _, w := range workers {
			_ = w.cmd.Process.Kill()
			_ = w.cmd.Wait()
		}
	}()
	for _, w := range workers {
		code, raw := serveClient{t: t, base: w.url}.do("GET", "/readyz", "", nil, nil)
		require.Equal(t, 200, code, "a worker whose Docker answers is ready: %s\n%s", raw, w.logs())
	}

	c := serveClient{t: t, base: api.url}
	var a struct{ ID string }
	code, raw := c.do("POST", "/api/assessments", admin, map[string]any{"name": "Load", "problems": []string{"sum"},
		"opens": time.Now().Add(-time.Minute), "closes": time.Now().Add(time.Hour)}, &a)
	require.Equal(t, 201, code, raw)
	n := killSubmissions(t)
	want := map[string]judge.Verdict{}
	// A candidate per 50 submissions keeps each under the per-minute bound.
	var me string
	for i := range n {
		if i%50 == 0 {
			var inv struct {
				InviteToken string `json:"invite_token"`
			}
			code, raw = c.do("POST", "/api/assessments/"+a.ID+"/candidates", admin, map[string]string{"name": fmt.Sprint("c", i)}, &inv)
			require.Equal(t, 201, code, raw)
			me = "/api/invite/" + inv.InviteToken // the API side of the link (invite_url is the page)
		}
		id, v := submitSum(t, c, me, i)
		want[id] = v
	}

	ctx := context.Background()
	st, err := store.Open(ctx, db)
	require.NoError(t, err)
	defer st.Close()
	dc, err := docker.Connect(ctx)
	require.NoError(t, err)
	defer dc.Close()
	// Kill the first worker once a few are judged and it is running a judging (a container of
	// its own is busy: its pool has one, so two means one judging and one refill, or a job).
	victim := workers[0]
	deadline := time.Now().Add(5 * time.Minute)
	for {
		done := countDone(t, st)
		require.Less(t, done, n, "every submission was judged before the kill: the test proves nothing")
		if done >= 3 {
			running, err := runningJobs(ctx, st)
			require.NoError(t, err)
			if running > 0 {
				break
			}
		}
		require.True(t, time.Now().Before(deadline), "nothing judged before the deadline:\n%s", victim.logs())
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, victim.cmd.Process.Signal(syscall.SIGKILL))
	_ = victim.cmd.Wait()
	deadPID := victim.cmd.Process.Pid
	// Its next start sweeps what it left.
	workers[0] = startWorker(t, bin, db)
	sweepDeadline := time.Now().Add(time.Minute)
	for {
		left, err := docker.OwnedBy(ctx, dc, deadPID)
		require.NoError(t, err)
		if left == 0 {
			break
		}
		require.True(t, time.Now().Before(sweepDeadline), "%d containers of the killed worker left after its next start", left)
		time.Sleep(100 * time.Millisecond)
	}

	// The killed worker's judgings are rescued 30 s (its job timeout) + 10 s after they started,
	// at River's next rescue round: 3 minutes without a result is a stall, not a slow machine.
	waitAllJudged(t, st, n, 3*time.Minute, workers[1].logs)
	for _, w := range append(workers[:], api) {
		require.NoError(t, w.cmd.Process.Signal(syscall.SIGTERM))
		require.NoError(t, w.cmd.Wait(), "a SIGTERM'd process exits 0:\n%s", w.logs())
	}

	requireEachJudgedOnce(t, st, want)
	for _, w := range append(workers[:], api) {
		left, err := docker.OwnedBy(ctx, dc, w.cmd.Process.Pid)
		require.NoError(t, err)
		assert.Zero(t, left, "containers of pid %d left behind", w.cmd.Process.Pid)
	}
}

// runningJobs counts the submission jobs a worker holds now.
func runningJobs(ctx context.Context, st *store.Store) (int, error) {
	q, err := jobs.New(jobs.Config{Store: st})
	if err != nil {
		return 0, err
	}
	states, _, err := q.Jobs(ctx)
	return states["running"], err
}

// A worker whose Docker engine does not answer takes no job and says why on /readyz; the job
// waits in the queue and a worker that can judge takes it.
func TestWorkerWithoutDockerTakesNoJobs(t *testing.T) {
	bin := buildJudge(t)
	db := pg.Database(t)
	api := startServer(t, bin, db, "--workers", "0")
	defer func() { _ = api.cmd.Process.Kill(); _ = api.cmd.Wait() }()
	admin := api.adminToken(t)

	orig, had := os.LookupEnv("DOCKER_HOST")
	t.Setenv("DOCKER_HOST", "unix://"+t.TempDir()+"/no-docker.sock")
	blind := startWorker(t, bin, db)
	defer func() { _ = blind.cmd.Process.Kill(); _ = blind.cmd.Wait() }()
	code, raw := serveClient{t: t, base: blind.url}.do("GET", "/readyz", "", nil, nil)
	require.Equal(t, 503, code, raw)
	var ready struct {
		Ready  bool              `json:"ready"`
		Checks map[string]string `json:"checks"`
	}
	require.NoError(t, json.Unmarshal([]byte(raw), &ready))
	assert.False(t, ready.Ready)
	assert.Contains(t, ready.Checks["docker"], "taking no jobs", raw)

	c := serveClient{t: t, base: api.url}
	var a struct{ ID string }
	code, raw = c.do("POST", "/api/assessments", admin, map[string]any{"name": "x", "problems": []string{"sum"},
		"opens": time.Now().Add(-time.Minute), "closes": time.Now().Add(time.Hour)}, &a)
	require.Equal(t, 201, code, raw)
	var inv struct {
		InviteToken string `json:"invite_token"`
	}
	code, raw = c.do("POST", "/api/assessments/"+a.ID+"/candidates", admin, map[string]string{"name": "Ada"}, &inv)
	require.Equal(t, 201, code, raw)
	var s struct{ ID string }
	code, raw = c.do("POST", "/api/invite/"+inv.InviteToken+"/submissions", "", map[string]string{"problem": "sum", "source": "print(3)\n"}, &s)
	require.Equal(t, 202, code, raw)

	ctx := context.Background()
	st, err := store.Open(ctx, db)
	require.NoError(t, err)
	defer st.Close()
	q, err := jobs.New(jobs.Config{Store: st})
	require.NoError(t, err)
	// The blind worker never started its queue client: the job was never taken (no attempt).
	require.Contains(t, blind.logs(), "takes no jobs")
	states, attempts, err := q.Jobs(ctx)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"available": 1}, states)
	assert.Zero(t, attempts, "a worker that cannot judge took the job")

	if had {
		os.Setenv("DOCKER_HOST", orig)
	} else {
		os.Unsetenv("DOCKER_HOST")
	}
	// Operators see the waiting job in River's UI, with an admin token (or the desk's session of
	// one, judge/server's TestQueueUIForAdminsOnly) only.
	code, _ = c.do("GET", "/riverui/api/jobs?state=available", "", nil, nil)
	assert.Equal(t, 401, code, "River's UI without a token")
	code, raw = c.do("GET", "/riverui/", admin, nil, nil)
	assert.Equal(t, 200, code, raw)
	var listed struct {
		Data []struct {
			Kind  string `json:"kind"`
			State string `json:"state"`
		} `json:"data"`
	}
	code, raw = c.do("GET", "/riverui/api/jobs?state=available", admin, nil, &listed)
	require.Equal(t, 200, code, raw)
	require.Len(t, listed.Data, 1, raw)
	assert.Equal(t, jobs.Args{}.Kind(), listed.Data[0].Kind)
	seeing := startWorker(t, bin, db)
	defer func() { _ = seeing.cmd.Process.Kill(); _ = seeing.cmd.Wait() }()
	rec := waitJudged(t, st, s.ID)
	assert.Equal(t, judge.StateDone, rec.State)
	assert.Equal(t, judge.WrongAnswer, rec.Report.Verdict)
	for _, p := range []*serveProc{seeing, blind, api} {
		require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
		require.NoError(t, p.cmd.Wait(), p.logs())
	}
}

func waitJudged(t *testing.T, st *store.Store, id string) *judge.Record {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		r, err := st.Record(context.Background(), id)
		require.NoError(t, err)
		if r.State != judge.StateQueued {
			return r
		}
		require.True(t, time.Now().Before(deadline), "submission %s not judged", id)
		time.Sleep(50 * time.Millisecond)
	}
}
