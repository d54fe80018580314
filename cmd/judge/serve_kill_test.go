package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/jobs"
	"github.com/judge-dev/judge/judge/store"
	"github.com/judge-dev/judge/judge/store/pgtest"
)

// serveProc is a `judge serve` process of the real binary.
type serveProc struct {
	cmd    *exec.Cmd
	url    string
	stdout chan string // its lines
	mu     sync.Mutex
	log    strings.Builder
}

var listeningRE = regexp.MustCompile(`msg="judge (?:serve|worker) listening" url=(http://\S+)`)

// pg is the tests' PostgreSQL server, started on first use (TestMain stops it).
var pg pgtest.Shared

// startServer starts bin under test on db and waits until it listens; extra flags override.
func startServer(t *testing.T, bin, db string, extra ...string) *serveProc {
	t.Helper()
	return startJudge(t, bin, append([]string{"serve", "--addr", "127.0.0.1:0", "--db", db, "--problems", "../../testdata/problems",
		"--workers", "2", "--pool", "2", "--submissions-per-minute", "1000"}, extra...)...)
}

// startWorker starts `judge worker` on db, one judging at a time, and waits until it listens.
// A killed worker's judgings are taken up by River's rescuer after the job timeout (+10 s):
// short here, long enough for a loaded machine's judging.
func startWorker(t *testing.T, bin, db string) *serveProc {
	t.Helper()
	return startJudge(t, bin, "worker", "--addr", "127.0.0.1:0", "--db", db, "--problems", "../../testdata/problems",
		"--workers", "1", "--pool", "1", "--job-timeout", "30s", "--docker-check", "1s")
}

// startJudge starts bin with args and waits until it says it listens.
func startJudge(t *testing.T, bin string, args ...string) *serveProc {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = os.Environ() // JUDGE_CACHE_DIR is the tests' own (TestMain)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	s := &serveProc{cmd: cmd, stdout: make(chan string, 10)}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			s.stdout <- sc.Text()
		}
	}()
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			s.mu.Lock()
			s.log.WriteString(sc.Text() + "\n")
			s.mu.Unlock()
			if m := listeningRE.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
	}()
	select {
	case s.url = <-urls:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		require.FailNow(t, "judge "+args[0]+" did not start (a Docker engine and the runner image are required)", s.logs())
	}
	return s
}

// adminToken is the token the server printed on its first start: its stdout is read apart
// from its log, so it may come a little after "listening".
func (s *serveProc) adminToken(t *testing.T) string {
	t.Helper()
	select {
	case line := <-s.stdout:
		return strings.TrimSpace(strings.TrimPrefix(line, "admin token (shown once; only its hash is stored): "))
	case <-time.After(30 * time.Second):
		require.FailNow(t, "no admin token printed", s.logs())
	}
	return ""
}

func (s *serveProc) logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// TestServeKill9LosesNothing kills the server with SIGKILL while 50 submissions are queued or
// being judged, starts it again on the same database, and checks that every submission the
// server answered 202 to gets exactly one result (one job, completed), and that no container
// of either process is left.
func TestServeKill9LosesNothing(t *testing.T) {
	bin := buildJudge(t)
	t.Run("sqlite", func(t *testing.T) { testServeKill9(t, bin, filepath.Join(t.TempDir(), "judge.db")) })
	// On PostgreSQL no server claims the database (others may share it): a dead server's
	// judgings wait for River's rescuer, after the job timeout (+10 s).
	t.Run("postgres", func(t *testing.T) { testServeKill9(t, bin, pg.Database(t), "--job-timeout", "30s") })
}

// buildJudge builds the binary under test.
func buildJudge(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "judge")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

func testServeKill9(t *testing.T, bin, db string, flags ...string) {

	first := startServer(t, bin, db, flags...)
	admin := first.adminToken(t)
	require.True(t, strings.HasPrefix(admin, "jadm_"), admin)
	c := serveClient{t: t, base: first.url}
	var a struct{ ID string }
	code, raw := c.do("POST", "/api/assessments", admin, map[string]any{"name": "Load", "problems": []string{"sum"},
		"opens": time.Now().Add(-time.Minute), "closes": time.Now().Add(time.Hour)}, &a)
	require.Equal(t, 201, code, raw)
	var inv struct {
		InviteToken string `json:"invite_token"`
	}
	code, raw = c.do("POST", "/api/assessments/"+a.ID+"/candidates", admin, map[string]string{"name": "Ada"}, &inv)
	require.Equal(t, 201, code, raw)
	me := "/api/invite/" + inv.InviteToken // the API's side of the link (invite_url is the page)

	const n = 50
	want := map[string]judge.Verdict{}
	for i := range n {
		id, v := submitSum(t, c, me, i)
		want[id] = v
	}

	// Kill it once a few are judged: the rest are queued or being judged.
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	require.NoError(t, err)
	deadline := time.Now().Add(5 * time.Minute)
	for {
		done := countDone(t, st)
		if done >= 2 {
			require.Less(t, done, n, "every submission was judged before the kill: the test proves nothing")
			break
		}
		require.True(t, time.Now().Before(deadline), "nothing judged before the deadline:\n%s", first.logs())
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, first.cmd.Process.Signal(syscall.SIGKILL))
	_ = first.cmd.Wait()
	firstPID := first.cmd.Process.Pid

	second := startServer(t, bin, db, flags...)
	// On SQLite a judging the dead server left behind would wait for River's rescue, after the
	// 10-minute job timeout, unless the restart requeues it: a stall of 2 minutes fails.
	waitAllJudged(t, st, n, 2*time.Minute, second.logs)
	require.NoError(t, second.cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, second.cmd.Wait(), "a SIGTERM'd server exits 0:\n%s", second.logs())
	select {
	case line := <-second.stdout:
		assert.Fail(t, "the admin token is shown on the first start only", line)
	default: // nothing came on its stdout in all that time
	}

	requireEachJudgedOnce(t, st, want)
	require.NoError(t, st.Close())

	dc, err := docker.Connect(ctx)
	require.NoError(t, err)
	defer dc.Close()
	for _, pid := range []int{firstPID, second.cmd.Process.Pid} {
		left, err := docker.OwnedBy(ctx, dc, pid)
		require.NoError(t, err)
		assert.Zero(t, left, "containers of judge serve (pid %d) left behind", pid)
	}
}

// submitSum sends the kill tests' i-th submission to problem sum through the candidate's API
// path me: even ones right, odd ones wrong. It returns its id and the verdict it is due.
func submitSum(t *testing.T, c serveClient, me string, i int) (string, judge.Verdict) {
	t.Helper()
	src, v := "a, b = map(int, input().split())\nprint(a + b)\n", judge.Accepted
	if i%2 == 1 {
		src, v = fmt.Sprintf("print(%d)\n", i), judge.WrongAnswer
	}
	var s struct{ ID string }
	code, raw := c.do("POST", me+"/submissions", "", map[string]string{"problem": "sum", "source": src}, &s)
	require.Equal(t, 202, code, raw)
	return s.ID, v
}

// waitAllJudged waits until none of the n submissions is queued. Judged or not is the question,
// not how fast: a loaded machine judges slowly. What fails is a stall: none judged for stall.
func waitAllJudged(t *testing.T, st *store.Store, n int, stall time.Duration, logs func() string) {
	t.Helper()
	done, progress := countDone(t, st), time.Now()
	for done < n {
		require.True(t, time.Since(progress) < stall, "%d of %d submissions judged, none for %s:\n%s", done, n, stall, logs())
		time.Sleep(100 * time.Millisecond)
		if now := countDone(t, st); now > done {
			done, progress = now, time.Now()
		}
	}
}

// requireEachJudgedOnce checks that every submission answered 202 (want: its verdict due) is
// stored with that verdict, and nothing else is, and that each has one job, completed once.
func requireEachJudgedOnce(t *testing.T, st *store.Store, want map[string]judge.Verdict) {
	t.Helper()
	ctx := context.Background()
	recs, err := st.Records(ctx, store.Filter{})
	require.NoError(t, err)
	require.Len(t, recs, len(want), "every submission answered 202 is stored, and nothing else")
	for _, r := range recs {
		require.Equal(t, judge.StateDone, r.State, r.Error)
		assert.Equal(t, want[r.ID], r.Report.Verdict, r.ID)
	}
	q, err := jobs.New(jobs.Config{Store: st}) // insert-only: it works no job
	require.NoError(t, err)
	states, attempts, err := q.Jobs(ctx)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"completed": len(want)}, states, "one job per submission, each completed once")
	assert.GreaterOrEqual(t, attempts, len(want))
	t.Logf("%d submissions, %d judging attempts (the ones the kill cut short were judged again)", len(want), attempts)
}

func countDone(t *testing.T, st *store.Store) int {
	t.Helper()
	recs, err := st.Records(context.Background(), store.Filter{})
	require.NoError(t, err)
	n := 0
	for _, r := range recs {
		if r.State != judge.StateQueued {
			n++
		}
	}
	return n
}
