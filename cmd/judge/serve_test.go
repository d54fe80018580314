package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge/docker"
)

// serveClient talks to a judge serve under test.
type serveClient struct {
	t    *testing.T
	base string
}

func (c serveClient) do(method, path, token string, body any, out any) (int, string) {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(c.t, err)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	require.NoError(c.t, err)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	if out != nil && resp.StatusCode < 300 {
		require.NoError(c.t, json.Unmarshal(b, out), string(b))
	}
	return resp.StatusCode, string(b)
}

// TestServeAgainstDocker runs judge serve in-process on a fresh database and the real engine:
// an interviewer creates an assessment and invites a candidate, who submits an accepted and a
// wrong solution; both are judged in containers, the candidate never sees a hidden test's data,
// the interviewer sees everything, and SIGTERM (a cancelled context) stops it leaving no
// container behind.
func TestServeAgainstDocker(t *testing.T) {
	srv := startServe(t, &ServeOptions{Workers: 2, JobTimeout: time.Minute, PerMinute: 10, MaxQueued: 100})
	c, admin := srv.c, srv.admin
	require.True(t, strings.HasPrefix(admin, "jadm_"), admin)
	code, raw := c.do("GET", "/readyz", "", nil, nil)
	require.Equal(t, http.StatusOK, code, "ready: a Docker engine and the runner image are required: %s", raw)
	require.Equal(t, http.StatusOK, code, raw)

	var a struct{ ID string }
	code, raw = c.do("POST", "/api/assessments", admin, map[string]any{"name": "Take-home", "problems": []string{"sum"},
		"opens": time.Now().Add(-time.Minute), "closes": time.Now().Add(time.Hour), "policy": "samples"}, &a)
	require.Equal(t, http.StatusCreated, code, raw)
	var inv struct {
		InviteToken string `json:"invite_token"`
	}
	code, raw = c.do("POST", "/api/assessments/"+a.ID+"/candidates", admin, map[string]string{"name": "Ada"}, &inv)
	require.Equal(t, http.StatusCreated, code, raw)
	me := "/api/invite/" + inv.InviteToken // the API's side of the link (invite_url is the page)

	submit := func(src string) string {
		var s struct{ ID string }
		code, raw := c.do("POST", me+"/submissions", "", map[string]string{"problem": "sum", "filename": "sol.py", "source": src}, &s)
		require.Equal(t, http.StatusAccepted, code, raw)
		return s.ID
	}
	right := submit("a, b = map(int, input().split())\nprint(a + b)\n")
	wrong := submit("print(0)\n")

	// Follow the wrong one live: per-test progress (as many as the stream caught), then the
	// result, and nothing hidden on the way.
	resp, err := http.Get(c.base + me + "/submissions/" + wrong + "/events")
	require.NoError(t, err)
	events, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(events))
	assert.Contains(t, string(events), "event: result\n")
	assert.Contains(t, string(events), `"verdict":"WA"`)

	hidden := []string{"1000000000001", "1000000000000 1", "-5 5", "secret/"}
	for _, h := range hidden {
		assert.NotContains(t, string(events), h, "hidden data in the event stream")
	}
	type view struct {
		State   string `json:"state"`
		Verdict string `json:"verdict"`
		Passed  int    `json:"passed"`
		Total   int    `json:"total"`
	}
	for id, want := range map[string]string{right: "AC", wrong: "WA"} {
		var v view
		raw := srv.judged(me, id, &v)
		assert.Equal(t, "done", v.State, raw)
		assert.Equal(t, want, v.Verdict, raw)
		assert.Equal(t, 4, v.Total)
		for _, h := range hidden {
			assert.NotContains(t, raw, h, "hidden data shown to the candidate")
		}
	}

	var subs []struct {
		Report struct {
			Verdict string `json:"verdict"`
			Tests   []struct {
				Name     string  `json:"name"`
				Expected *string `json:"expected"`
			} `json:"tests"`
		} `json:"report"`
	}
	code, raw = c.do("GET", "/api/assessments/"+a.ID+"/submissions", admin, nil, &subs)
	require.Equal(t, http.StatusOK, code, raw)
	require.Len(t, subs, 2)
	assert.Contains(t, raw, "1000000000001", "interviewers see the hidden tests' data")

	code, raw = c.do("GET", "/metrics", "", nil, nil)
	assert.Equal(t, http.StatusUnauthorized, code, "metrics are for interviewers")
	code, raw = c.do("GET", "/metrics", admin, nil, nil)
	require.Equal(t, http.StatusOK, code)
	for _, want := range []string{`judge_judgings_total{verdict="AC"} 1`, `judge_judgings_total{verdict="WA"} 1`,
		"judge_queue_depth 0", `judge_pool{counter="started"}`, `route="POST /api/invite/{token}/submissions",status="202"`} {
		assert.Contains(t, raw, want)
	}

	srv.stop() // what SIGTERM does
	c2, err := docker.Connect(context.Background())
	require.NoError(t, err)
	defer c2.Close()
	left, err := docker.Owned(context.Background(), c2)
	require.NoError(t, err)
	assert.Zero(t, left, "containers left behind")
}

// syncBuffer is a buffer the server's goroutines may log to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// inProcess is judge serve running in the test's process.
type inProcess struct {
	c     serveClient
	admin string // the token printed at its first start
	logs  *syncBuffer
	// stop does what SIGTERM does (cancels its context), checks that it returns nil, and closes
	// the Factory (its warm pool); once, and at the test's end if not before.
	stop func()
}

// startServe runs judge serve in-process on a fresh database until the test ends.
func startServe(t *testing.T, opts *ServeOptions) *inProcess {
	t.Helper()
	var out bytes.Buffer
	errOut := &syncBuffer{}
	f := &Factory{IO: &IO{In: strings.NewReader(""), Out: &out, ErrOut: errOut},
		ProblemsDir: "../../testdata/problems", Image: docker.RunnerImage(), PoolSize: 1}
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	opts.Addr, opts.DB = "127.0.0.1:0", filepath.Join(t.TempDir(), "judge.db")
	opts.listening = func(a string) { addr <- a }
	go func() { done <- runServe(ctx, f, opts) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				assert.NoError(t, err)
			case <-time.After(90 * time.Second):
				t.Error("judge serve did not stop")
			}
			f.Close()
		})
	}
	t.Cleanup(stop)
	select {
	case a := <-addr:
		admin := firstLine(strings.TrimPrefix(out.String(), "admin token (shown once; only its hash is stored): "))
		return &inProcess{c: serveClient{t: t, base: "http://" + a}, admin: admin, logs: errOut, stop: stop}
	case err := <-done:
		done <- err // for stop
		require.FailNow(t, "judge serve did not start", "%v\n%s", err, errOut.String())
	}
	return nil
}

// judged polls the candidate's view of submission id (me: their API path) until it leaves the
// queue, decoding it into out, and returns its body. A first judging calibrates the problem's
// time limit, slowly on a loaded machine: the deadline only catches a judging that never ends.
func (s *inProcess) judged(me, id string, out any) string {
	s.c.t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		var v struct{ State string }
		code, raw := s.c.do("GET", me+"/submissions/"+id, "", nil, &v)
		require.Equal(s.c.t, http.StatusOK, code, raw)
		if v.State != "queued" {
			require.NoError(s.c.t, json.Unmarshal([]byte(raw), out))
			return raw
		}
		require.True(s.c.t, time.Now().Before(deadline), "submission %s not judged by the deadline:\n%s", id, s.logs.String())
		time.Sleep(100 * time.Millisecond)
	}
}

// Docker away when the server starts: it serves anyway, /readyz is red, a submission is taken
// and waits in the queue (tried, never failed); when Docker answers again it is judged.
func TestServeWaitsForDocker(t *testing.T) {
	host, hadHost := os.LookupEnv("DOCKER_HOST")
	require.NoError(t, os.Setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock"))
	restore := func() {
		if hadHost {
			os.Setenv("DOCKER_HOST", host)
		} else {
			os.Unsetenv("DOCKER_HOST")
		}
	}
	defer restore()
	opts := &ServeOptions{Workers: 1, JobTimeout: time.Minute, PerMinute: 10, MaxQueued: 10}
	srv := startServe(t, opts)
	c, admin, logs := srv.c, srv.admin, srv.logs

	code, raw := c.do("GET", "/readyz", "", nil, nil)
	assert.Equal(t, http.StatusServiceUnavailable, code, raw)
	assert.Contains(t, raw, "does not answer")

	var a struct{ ID string }
	code, raw = c.do("POST", "/api/assessments", admin, map[string]any{"name": "T", "problems": []string{"sum"},
		"opens": time.Now().Add(-time.Minute), "closes": time.Now().Add(time.Hour)}, &a)
	require.Equal(t, http.StatusCreated, code, raw)
	var inv struct {
		InviteToken string `json:"invite_token"`
	}
	code, raw = c.do("POST", "/api/assessments/"+a.ID+"/candidates", admin, map[string]string{"name": "Ada"}, &inv)
	require.Equal(t, http.StatusCreated, code, raw)
	me := "/api/invite/" + inv.InviteToken // the API's side of the link (invite_url is the page)
	var sub struct{ ID string }
	code, raw = c.do("POST", me+"/submissions", "", map[string]string{"problem": "sum", "source": "a, b = map(int, input().split())\nprint(a + b)\n"}, &sub)
	require.Equal(t, http.StatusAccepted, code, raw)

	// The worker has tried once Docker's absence is logged for this submission.
	deadline := time.Now().Add(60 * time.Second)
	for !strings.Contains(logs.String(), "submission stays queued") {
		require.True(t, time.Now().Before(deadline), "the worker never tried:\n%s", logs.String())
		time.Sleep(50 * time.Millisecond)
	}
	var v struct {
		State   string `json:"state"`
		Verdict string `json:"verdict"`
	}
	code, raw = c.do("GET", me+"/submissions/"+sub.ID, "", nil, &v)
	require.Equal(t, http.StatusOK, code, raw)
	assert.Equal(t, "queued", v.State, "tried without Docker: still queued, not failed")

	restore()
	raw = srv.judged(me, sub.ID, &v)
	assert.Equal(t, "done", v.State, raw)
	assert.Equal(t, "AC", v.Verdict, raw)
	code, raw = c.do("GET", "/readyz", "", nil, nil)
	assert.Equal(t, http.StatusOK, code, raw)
}

// firstLine is s up to its first newline, trimmed.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}
