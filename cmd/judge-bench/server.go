package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/docker"
	"github.com/judge-dev/judge/judge/store"
)

// ServerOptions are the inputs of the server section: a load test of one real `judge serve`
// (the binary, its SQLite file, River, Docker) on loopback, and the same submissions through
// `judge grade` as the ceiling.
type ServerOptions struct {
	Judge   string // the judge binary
	Subs    int    // submissions in the load test (0: no server section)
	Clients int    // concurrent clients, each with its own invite
	Idle    int    // one-at-a-time samples on an idle server
	Workers int    // --workers of serve and --parallel of grade (0: their defaults)
	// DB is the server's database: "" an SQLite file, "postgres" a throwaway PostgreSQL
	// server, or a postgres:// URL; on PostgreSQL the section also reports the database's
	// load per submission.
	DB string
}

// serverResult is the server section's table.
type serverResult struct {
	subject         subject
	subs, clients   int
	asked           int // the submissions -server-subs asked for (subs: those the budget let run)
	workers         string
	elapsed         time.Duration // first POST to last verdict
	perSecond       float64
	latencies       []time.Duration // POST to final verdict, under load
	errors          int
	firstErrors     []string
	rssPeak, rssEnd float64 // MiB: the server process's VmHWM at the end, and VmRSS then
	pool            map[string]float64
	idle            []time.Duration // POST to final verdict, one at a time, pool full
	idleStages      []stageMean     // where the idle samples' time went, by the server's metrics
	warm            time.Duration   // p50 of the warm-pool judging, in process (the warm row)
	// The same judging in the bench's own warm pool (the server's size), one after each idle
	// sample: the idle target's reference, measured in the same minutes as the samples.
	interleaved  []time.Duration
	grade        gradeRun
	db           string         // what the server ran on
	pg           *store.DBStats // the database's load over the load phase (PostgreSQL)
	pgIdle       store.DBStats  // and over pgIdleFor with nothing submitted
	pgIdleFor    time.Duration
	pgLoadFor    time.Time         // when the load phase's counters were first read
	pgLoadTook   time.Duration     // from then to the second read
	statements   []store.Statement // the load phase's, when the server counts them
	noStatements string            // why they were not counted
}

// gradeRun is `judge grade` over the same submissions.
type gradeRun struct {
	wall      time.Duration // the whole command
	perSecond float64       // submissions / whole command
	steady    float64       // (n-1) / (first to last submission judged): start-up left out
	errors    int
	exit      string
}

var listeningRE = regexp.MustCompile(`msg="judge serve listening" url=(http://\S+)`)

// serveProc is the `judge serve` under test.
type serveProc struct {
	cmd    *exec.Cmd
	url    string
	admin  string
	done   chan error
	mu     sync.Mutex
	tail   []string // its last log lines, for errors
	logged int      // log lines at warn or error
}

func (s *serveProc) logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.tail, "\n")
}

func startServe(ctx context.Context, bin, db, dir, root string, opts *ServerOptions) (*serveProc, error) {
	args := []string{"serve", "--addr", "127.0.0.1:0", "--db", db, "--problems", root,
		"--declared-limits", "--submissions-per-minute", "1000000", "--max-queued", strconv.Itoa(opts.Subs + opts.Clients + 10)}
	if opts.Workers > 0 {
		args = append(args, "--workers", strconv.Itoa(opts.Workers))
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "JUDGE_CACHE_DIR="+filepath.Join(dir, "cache"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	s := &serveProc{cmd: cmd, done: make(chan error, 1)}
	urls, tokens := make(chan string, 1), make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if tok, ok := strings.CutPrefix(sc.Text(), "admin token (shown once; only its hash is stored): "); ok {
				tokens <- strings.TrimSpace(tok)
			}
		}
	}()
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			s.mu.Lock()
			s.tail = append(s.tail, line)
			if len(s.tail) > 40 {
				s.tail = s.tail[1:]
			}
			if strings.Contains(line, "level=WARN") || strings.Contains(line, "level=ERROR") {
				s.logged++
			}
			s.mu.Unlock()
			if m := listeningRE.FindStringSubmatch(line); m != nil {
				urls <- m[1]
			}
		}
	}()
	go func() { s.done <- cmd.Wait() }()
	timeout := time.After(2 * time.Minute)
	for s.url == "" || s.admin == "" {
		select {
		case s.url = <-urls:
		case s.admin = <-tokens:
		case err := <-s.done:
			return nil, fmt.Errorf("judge serve exited (%v) before it listened:\n%s", err, s.logs())
		case <-timeout:
			s.kill()
			return nil, fmt.Errorf("judge serve did not listen within 2 minutes:\n%s", s.logs())
		case <-ctx.Done():
			s.kill()
			return nil, ctx.Err()
		}
	}
	return s, nil
}

func (s *serveProc) kill() {
	_ = s.cmd.Process.Kill()
	<-s.done
}

// stop sends SIGTERM and waits for a clean exit, as an operator would.
func (s *serveProc) stop() error {
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case err := <-s.done:
		if err != nil {
			return fmt.Errorf("judge serve after SIGTERM: %v:\n%s", err, s.logs())
		}
		return nil
	case <-time.After(90 * time.Second):
		s.kill()
		return fmt.Errorf("judge serve did not stop within 90 s of SIGTERM")
	}
}

// memory reads the server's resident set now and its peak (VmRSS, VmHWM), in MiB.
func (s *serveProc) memory() (rss, peak float64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[0], 64)
		switch k {
		case "VmRSS":
			rss = kb / 1024
		case "VmHWM":
			peak = kb / 1024
		}
	}
	return rss, peak
}

// api is a small JSON client of the server.
type api struct {
	base  string
	token string // interviewer's, for /api calls that need it
	http  *http.Client
}

// call sends v as JSON and decodes a 2xx answer into out; other statuses are errors.
func (a *api) call(ctx context.Context, method, path string, v, out any) (int, error) {
	var body io.Reader
	if v != nil {
		b, err := json.Marshal(v)
		if err != nil {
			return 0, err
		}
		body = bytes.NewReader(b)
	}
	url := path
	if !strings.HasPrefix(path, "http") {
		url = a.base + path
	}
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return 0, err
	}
	if v != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if a.token != "" {
		req.Header.Set("Authorization", "Bearer "+a.token)
	}
	resp, err := a.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode/100 != 2 {
		return resp.StatusCode, fmt.Errorf("%s %s: %d %s", method, path, resp.StatusCode, strings.TrimSpace(string(b)))
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			return resp.StatusCode, fmt.Errorf("%s %s: %w", method, path, err)
		}
	}
	return resp.StatusCode, nil
}

// resultJSON is what the candidate sees of a submission.
type resultJSON struct {
	ID      string `json:"id"`
	State   string `json:"state"`
	Verdict string `json:"verdict"`
	Message string `json:"message"`
}

// submitAndWait posts one submission and returns once its verdict is final: POST with
// wait=true (what a small script does), polling the submission when the wait ran out first.
func (a *api) submitAndWait(ctx context.Context, invite, problem, filename, source string) (time.Duration, error) {
	start := time.Now()
	var r resultJSON
	code, err := a.call(ctx, "POST", invite+"/submissions?wait=true", map[string]string{"problem": problem, "filename": filename, "source": source}, &r)
	if err != nil {
		return 0, err
	}
	for code == http.StatusAccepted || r.State == "queued" {
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
		if code, err = a.call(ctx, "GET", invite+"/submissions/"+r.ID, nil, &r); err != nil {
			return 0, err
		}
		code = 0
	}
	took := time.Since(start)
	if r.Verdict != "AC" {
		return took, fmt.Errorf("%s: state %s, verdict %q (%s), want AC", filename, r.State, r.Verdict, r.Message)
	}
	return took, nil
}

// stageNames are the values of judge_submission_stage_seconds's stage label, in order.
var stageNames = []string{"queued", "prepare", "judge", "record"}

// stages reads the server's running sums and counts of each stage of a submission's time.
func (a *api) stages(ctx context.Context) (map[string][2]float64, error) {
	out := map[string][2]float64{}
	for _, st := range stageNames {
		label := `stage="` + st + `"`
		sum, err := a.metric(ctx, "judge_submission_stage_seconds_sum", label)
		if err != nil {
			return nil, err
		}
		n, err := a.metric(ctx, "judge_submission_stage_seconds_count", label)
		if err != nil {
			return nil, err
		}
		out[st] = [2]float64{sum, n}
	}
	return out, nil
}

// stageMean is one stage's mean over the submissions judged between two readings.
type stageMean struct {
	name string
	mean time.Duration
}

// stageMeans are the stages' means between the readings a and b.
func stageMeans(a, b map[string][2]float64) []stageMean {
	var out []stageMean
	for _, st := range stageNames {
		sum, n := b[st][0]-a[st][0], b[st][1]-a[st][1]
		if n > 0 {
			out = append(out, stageMean{st, time.Duration(sum / n * float64(time.Second))})
		}
	}
	return out
}

// metric reads the sum of a metric's samples whose labels contain labels, from /metrics.
func (a *api) metric(ctx context.Context, name, labels string) (float64, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", a.base+"/metrics", nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+a.token)
	resp, err := a.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var sum float64
	found := false
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		l := sc.Text()
		if !strings.HasPrefix(l, name) || !strings.Contains(l, labels) {
			continue
		}
		f := strings.Fields(l)
		v, err := strconv.ParseFloat(f[len(f)-1], 64)
		if err == nil && (l[len(name)] == ' ' || l[len(name)] == '{') {
			sum += v
			found = true
		}
	}
	if !found {
		return 0, fmt.Errorf("metric %s{%s} not served", name, labels)
	}
	return sum, sc.Err()
}

// minIdle is how many idle samples the server section takes at least, whatever the budget.
const minIdle = 5

// sizeServer sizes the server section to a slice of time: the idle samples take at most a
// sixth of it, each costing a served judging, an in-process one and the refills (about 4 warm
// judgings); the load's two runs of n (serve, then grade) the rest but 20 s (the server's
// start, the warm-up, grade's start), at the in-process warm batch's throughput less a fifth.
// At least one submission per client, at most what opts asks; opts as given without the warm
// batch's throughput.
func sizeServer(opts ServerOptions, ref warmRef, slice time.Duration) ServerOptions {
	if ref.perSecond <= 0 {
		return opts
	}
	opts.Idle = fit(opts.Idle, minIdle, 4*ref.p50, slice/6)
	load := slice - time.Duration(opts.Idle)*4*ref.p50 - 20*time.Second
	n := int(load.Seconds() * ref.perSecond * 0.8 / 2)
	opts.Subs = max(min(n, opts.Subs), min(opts.Clients, opts.Subs))
	return opts
}

// serverBench runs the server section for ref's subject, whose directory is dir, sized to the
// time until until (zero: as asked).
func serverBench(ctx context.Context, log io.Writer, asked *ServerOptions, ref warmRef, dir, image string, until time.Time) (*serverResult, error) {
	s, warm := ref.s, ref.p50
	sized := *asked
	if !until.IsZero() {
		sized = sizeServer(sized, ref, time.Until(until))
	}
	opts := &sized
	bin, err := filepath.Abs(opts.Judge)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(bin); err != nil {
		return nil, fmt.Errorf("the judge binary (make build): %w", err)
	}
	root, err := filepath.Abs(filepath.Dir(dir))
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "judge-bench-server-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	res := &serverResult{subject: s, subs: opts.Subs, asked: asked.Subs, clients: opts.Clients, warm: warm, workers: "default (one per core)"}
	if opts.Workers > 0 {
		res.workers = strconv.Itoa(opts.Workers)
	}
	// The same n sources for the server and for grade.
	subs := filepath.Join(tmp, "subs")
	names, sources, err := writeCopies(subs, s, opts.Subs)
	if err != nil {
		return nil, err
	}

	fmt.Fprintf(log, "  server: judge serve on loopback, %d submissions of %s from %d clients, %d idle samples\n", opts.Subs, s.p.ID, opts.Clients, opts.Idle)
	db := filepath.Join(tmp, "judge.db")
	res.db = "SQLite"
	var load *store.Store // PostgreSQL's counters, read before and after the load
	if opts.DB != "" {
		res.db = "PostgreSQL"
		db = opts.DB
		if opts.DB == "postgres" {
			url, stop, err := startPG()
			if err != nil {
				return nil, fmt.Errorf("-server-db postgres: %w", err)
			}
			defer stop()
			db = url
		}
		if load, err = store.Open(ctx, db); err != nil {
			return nil, err
		}
		defer load.Close()
	}
	srv, err := startServe(ctx, bin, db, tmp, root, opts)
	if err != nil {
		return nil, err
	}
	defer func() {
		if srv != nil {
			srv.kill()
		}
	}()
	admin := &api{base: srv.url, token: srv.admin, http: &http.Client{
		Timeout:   3 * time.Minute,
		Transport: &http.Transport{MaxIdleConnsPerHost: opts.Clients + 2},
	}}
	cand := &api{base: srv.url, http: admin.http}
	var a struct{ ID string }
	now := time.Now()
	if _, err := admin.call(ctx, "POST", "/api/assessments", map[string]any{"name": "bench", "problems": []string{s.p.ID},
		"opens": now.Add(-time.Minute), "closes": now.Add(24 * time.Hour)}, &a); err != nil {
		return nil, err
	}
	invites := make([]string, opts.Clients)
	for i := range invites {
		var inv struct {
			InviteToken string `json:"invite_token"`
		}
		if _, err := admin.call(ctx, "POST", "/api/assessments/"+a.ID+"/candidates", map[string]string{"name": fmt.Sprintf("client %d", i)}, &inv); err != nil {
			return nil, err
		}
		// The candidate's API, not invite_url (the candidate's page since the web pages).
		invites[i] = "/api/invite/" + inv.InviteToken
	}
	// The first judging makes the sandbox and fills the pool: not measured.
	if _, err := cand.submitAndWait(ctx, invites[0], s.p.ID, "warmup.py", string(s.sub.Source)); err != nil {
		return nil, fmt.Errorf("warm-up submission: %w\n%s", err, srv.logs())
	}
	// The server's resting pool: what /metrics shows once refills after the warm-up have had
	// 3 s (a pool keeps fewer containers for a memory limit asked for once; read at once, a
	// refill may still be running, and a sample taken then shares the CPU with a start).
	var size float64
	for settle := time.Now(); time.Since(settle) < 3*time.Second; time.Sleep(100 * time.Millisecond) {
		idle, err := admin.metric(ctx, "judge_pool", `counter="idle"`)
		if err != nil {
			return nil, err
		}
		size = max(size, idle, 1)
	}
	waitFull := func() error {
		deadline := time.Now().Add(time.Minute)
		for {
			idle, err := admin.metric(ctx, "judge_pool", `counter="idle"`)
			if err != nil {
				return err
			}
			if idle >= size {
				return nil
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("the warm pool did not refill to %v within a minute (%v idle)", size, idle)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	// The idle target's reference: the same judging in a warm pool of the server's size in this
	// process, one after each idle sample, each with both pools full. On a machine whose speed
	// drifts from minute to minute, the warm row measured minutes earlier is no reference.
	ipool, closePool, err := ownPool(ctx, image, int(size))
	if err != nil {
		return nil, err
	}
	defer closePool()
	mems := judge.SandboxMemories(s.p)
	if err := ipool.Fill(ctx, mems...); err != nil {
		return nil, err
	}
	if _, err := judgeOnce(ctx, ipool, s); err != nil { // its first judging: not measured
		return nil, err
	}
	bothFull := func() error {
		if err := waitFull(); err != nil {
			return err
		}
		return ipool.Fill(ctx, mems...)
	}
	// Idle: one at a time, each with the pool full (the server's resting state).
	stages0, err := admin.stages(ctx)
	if err != nil {
		return nil, err
	}
	for i := 0; i < opts.Idle; i++ {
		if err := bothFull(); err != nil {
			return nil, err
		}
		d, err := cand.submitAndWait(ctx, invites[i%len(invites)], s.p.ID, fmt.Sprintf("idle_%d.py", i), string(s.sub.Source))
		if err != nil {
			return nil, fmt.Errorf("idle sample: %w", err)
		}
		res.idle = append(res.idle, d)
		if err := bothFull(); err != nil {
			return nil, err
		}
		start := time.Now()
		if _, err := judgeOnce(ctx, ipool, s); err != nil {
			return nil, fmt.Errorf("in-process sample: %w", err)
		}
		res.interleaved = append(res.interleaved, time.Since(start))
	}
	closePool() // nothing of it stays for the load phase
	stages1, err := admin.stages(ctx)
	if err != nil {
		return nil, err
	}
	res.idleStages = stageMeans(stages0, stages1)
	if err := waitFull(); err != nil {
		return nil, err
	}
	var pg0 store.DBStats
	if load != nil {
		// What the processes cost the database while nothing is submitted (workers polling,
		// River's maintenance), per second, so that the load phase's cost can be split into
		// that and what each submission adds.
		idle0, err := load.DBStats(ctx)
		if err != nil {
			return nil, err
		}
		t0 := time.Now()
		time.Sleep(10 * time.Second)
		if pg0, err = load.DBStats(ctx); err != nil {
			return nil, err
		}
		res.pgIdle, res.pgIdleFor = pg0.Sub(idle0), time.Since(t0)
		if err := load.TrackStatements(ctx); err != nil {
			res.noStatements = err.Error()
		}
		res.pgLoadFor = time.Now()
	}
	before := map[string]float64{}
	for _, c := range []string{"warm", "waited"} {
		before[c], _ = admin.metric(ctx, "judge_pool", `counter="`+c+`"`)
	}

	// Under load: clients each POST and wait for the verdict, then take the next submission.
	fmt.Fprintf(log, "  server: %d submissions from %d clients\n", opts.Subs, opts.Clients)
	var mu sync.Mutex
	next := 0
	var wg sync.WaitGroup
	sampling, stopSampling := context.WithCancel(ctx)
	go func() { // the resident set while loaded (VmHWM is read at the end too)
		for sampling.Err() == nil {
			rss, _ := srv.memory()
			mu.Lock()
			res.rssEnd = max(res.rssEnd, rss)
			mu.Unlock()
			select {
			case <-sampling.Done():
			case <-time.After(200 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	var last time.Time
	for c := 0; c < opts.Clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= opts.Subs {
					return
				}
				d, err := cand.submitAndWait(ctx, invites[c], s.p.ID, names[i], sources[i])
				mu.Lock()
				if err != nil {
					res.errors++
					if len(res.firstErrors) < 3 {
						res.firstErrors = append(res.firstErrors, err.Error())
					}
				} else {
					res.latencies = append(res.latencies, d)
				}
				last = time.Now()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	stopSampling()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	res.elapsed = last.Sub(start)
	res.perSecond = float64(opts.Subs-res.errors) / res.elapsed.Seconds()
	_, res.rssPeak = srv.memory()
	res.pool = map[string]float64{}
	for _, c := range []string{"warm", "waited"} {
		v, _ := admin.metric(ctx, "judge_pool", `counter="`+c+`"`)
		res.pool[c] = v - before[c]
	}
	if load != nil {
		time.Sleep(2 * time.Second) // the backends report their counters at most every second or so
		pg1, err := load.DBStats(ctx)
		if err != nil {
			return nil, err
		}
		d := pg1.Sub(pg0)
		res.pg = &d
		res.pgLoadTook = time.Since(res.pgLoadFor)
		if res.noStatements == "" {
			if res.statements, err = load.Statements(ctx); err != nil {
				res.noStatements = err.Error()
			}
		}
	}
	if n := srv.logged; n > 0 {
		fmt.Fprintf(log, "  server: %d warnings or errors in its log; the last lines:\n%s\n", n, srv.logs())
	}
	err = srv.stop()
	srv = nil
	if err != nil {
		return nil, err
	}

	fmt.Fprintf(log, "  server: the same %d through judge grade\n", opts.Subs)
	if res.grade, err = gradeBench(ctx, bin, root, tmp, s, subs, opts.Subs, opts.Workers); err != nil {
		return nil, err
	}
	return res, nil
}

// writeCopies writes n copies of the subject's accepted solution, each made distinct by a
// comment, into a new folder dir, and returns their file names and sources.
func writeCopies(dir string, s subject, n int) (names, sources []string, err error) {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, nil, err
	}
	for i := range n {
		names = append(names, fmt.Sprintf("sub_%04d.py", i))
		sources = append(sources, string(s.sub.Source)+fmt.Sprintf("\n# submission %d of the bench\n", i))
		if err := os.WriteFile(filepath.Join(dir, names[i]), []byte(sources[i]), 0o644); err != nil {
			return nil, nil, err
		}
	}
	return names, sources, nil
}

var gradedRE = regexp.MustCompile(`^\s*\[(\d+)/(\d+)\]\s+(\S+)\s`)

// gradeBench runs `judge grade` over the folder, timing each submission's line on stderr.
func gradeBench(ctx context.Context, bin, root, tmp string, s subject, folder string, subs, workers int) (gradeRun, error) {
	var g gradeRun
	args := []string{"grade", "--problems", root, "--declared-limits", s.p.ID, folder}
	if workers > 0 {
		args = append(args, "--parallel", strconv.Itoa(workers))
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "JUDGE_CACHE_DIR="+filepath.Join(tmp, "cache"))
	cmd.Stdout = io.Discard
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return g, err
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return g, err
	}
	var first, last time.Time
	var n int
	var tail []string
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		m := gradedRE.FindStringSubmatch(sc.Text())
		if m == nil {
			tail = append(tail, sc.Text())
			continue
		}
		now := time.Now()
		if n == 0 {
			first = now
		}
		last = now
		n++
		if m[3] != "AC" {
			g.errors++
		}
	}
	err = cmd.Wait()
	g.wall = time.Since(start)
	var exit *exec.ExitError
	switch {
	case err == nil:
		g.exit = "0"
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		g.exit = "1 (not every submission accepted)"
	default:
		return g, fmt.Errorf("judge grade: %v\n%s", err, strings.Join(tail, "\n"))
	}
	if n != subs {
		return g, fmt.Errorf("judge grade reported %d submissions of %d\n%s", n, subs, strings.Join(tail, "\n"))
	}
	g.perSecond = float64(n) / g.wall.Seconds()
	if n > 1 {
		g.steady = float64(n-1) / last.Sub(first).Seconds()
	}
	return g, nil
}

func printServer(out io.Writer, r *serverResult) {
	fmt.Fprintf(out, "\nserver: judge serve (%s, River, warm pool; workers %s) on loopback, %s: %s, %d tests, %s\n",
		r.db, r.workers, r.subject.name, r.subject.p.Mode, len(r.subject.p.Tests), r.subject.sub.Filename)
	if r.subs < r.asked {
		fmt.Fprintf(out, "  the load: %d submissions of the %d asked, what the budget left time for (-budget 0: all of them)\n", r.subs, r.asked)
	}
	fmt.Fprintf(out, "  %-58s %6s %9s %9s %9s %7s\n", "what", "n", "p50 ms", "p95 ms", "subs/s", "errors")
	lat := result{latencies: r.latencies}
	fmt.Fprintf(out, "  %-58s %6d %9.1f %9.1f %9.2f %7d\n", fmt.Sprintf("serve: %d clients, POST ?wait=true to final verdict", r.clients),
		r.subs, ms(lat.p(0.5)), ms(lat.p(0.95)), r.perSecond, r.errors)
	fmt.Fprintf(out, "  %-58s %6d %9s %9s %9.2f %7d\n", "grade: the same files, whole command", r.subs, "", "", r.grade.perSecond, r.grade.errors)
	fmt.Fprintf(out, "  %-58s %6d %9s %9s %9.2f %7s\n", "grade: first to last submission judged (no start-up)", r.subs, "", "", r.grade.steady, "")
	idle := result{latencies: r.idle}
	fmt.Fprintf(out, "  %-58s %6d %9.1f %9.1f\n", "serve idle: one at a time, pool full, POST to verdict", len(r.idle), ms(idle.p(0.5)), ms(idle.p(0.95)))
	fmt.Fprintf(out, "  %-58s %6s %9.1f\n", "warm pool judging in process (the warm row above)", "", ms(r.warm))
	inter := result{latencies: r.interleaved}
	fmt.Fprintf(out, "  %-58s %6d %9.1f %9.1f\n", "the same in process, pool of the server's size, after each", len(r.interleaved), ms(inter.p(0.5)), ms(inter.p(0.95)))
	if len(r.idleStages) > 0 {
		var mean, server time.Duration
		for _, d := range r.idle {
			mean += d / time.Duration(len(r.idle))
		}
		parts := ""
		for _, st := range r.idleStages {
			parts += fmt.Sprintf("%s %.1f, ", st.name, ms(st.mean))
			server += st.mean
		}
		fmt.Fprintf(out, "  serve idle, where the time went (means, ms): POST to verdict %.1f = %sthe rest (HTTP, admission, the answer) %.1f\n",
			ms(mean), parts, ms(mean-server))
	}
	fmt.Fprintf(out, "  server RSS: %.0f MiB peak (VmHWM), %.0f MiB most seen under load; load run %.1f s; grade exit %s; pool under load: %.0f jobs took a ready container, %.0f waited for a start\n",
		r.rssPeak, r.rssEnd, r.elapsed.Seconds(), r.grade.exit, r.pool["warm"], r.pool["waited"])
	if r.pg != nil {
		printPGLoad(out, *r.pg, r.pgIdle, r.pgIdleFor, r.pgLoadTook, r.subs)
		printStatements(out, r.statements, r.subs, r.noStatements)
	}
	for _, e := range r.firstErrors {
		fmt.Fprintf(out, "  error: %s\n", e)
	}
	fmt.Fprintf(out, "  targets: serve subs/s / grade subs/s (steady) %s (>= 0.9); idle p50 - in-process p50 (interleaved) %.1f ms (<= 50; against the warm row: %.1f)\n",
		verdict(r.perSecond/r.grade.steady, func(x float64) bool { return x >= 0.9 }), ms(idle.p(0.5))-ms(inter.p(0.5)), ms(idle.p(0.5))-ms(r.warm))
}

// ownPool is a warm pool of size in this process, on the runner image, and what drains it.
func ownPool(ctx context.Context, image string, size int) (*docker.Pool, func(), error) {
	c, err := docker.Connect(ctx)
	if err != nil {
		return nil, nil, err
	}
	sb, err := docker.NewSandbox(ctx, c, image)
	if err != nil {
		c.Close()
		return nil, nil, err
	}
	p := docker.NewPool(sb, docker.PoolOptions{Size: size})
	var once sync.Once
	return p, func() { once.Do(func() { _ = p.Close(); c.Close() }) }, nil
}
