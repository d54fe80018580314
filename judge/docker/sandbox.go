package docker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/docker/docker/api/types"
	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/mount"
	"github.com/docker/docker/api/types/network"
	"github.com/docker/docker/pkg/stdcopy"
	"github.com/docker/go-units"
	"github.com/google/uuid"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/harness"
)

// Sandbox runs each job in a fresh hardened container and removes it afterwards, on every path.
type Sandbox struct {
	client  apiClient
	image   string // image reference
	imageID string
	// Runtime is the OCI runtime name registered with Docker ("" = the engine's default, runc;
	// "runsc" for gVisor).
	Runtime string
	// Startup is the wall-clock allowance for the container to start and the harness to compile
	// the submission, on top of the per-test wall limits.
	Startup time.Duration
	// execScratch mounts an exec-allowed tmpfs at /exec: the validator image runs compiled
	// validators from there (SECURITY.md, "Validators").
	execScratch bool
}

// NewValidatorSandbox checks that the validator image exists and returns a sandbox using it,
// for compiling and running C and C++ validators.
func NewValidatorSandbox(ctx context.Context, c apiClient) (*Sandbox, error) {
	s, err := NewSandbox(ctx, c, ValidatorImage())
	if err != nil {
		return nil, err
	}
	s.execScratch = true
	return s, nil
}

var _ judge.Sandbox = (*Sandbox)(nil)

// NewSandbox checks that the runner image exists and returns a sandbox using it.
func NewSandbox(ctx context.Context, c apiClient, ref string) (*Sandbox, error) {
	id, err := ImageID(ctx, c, ref)
	if err != nil {
		return nil, err
	}
	return &Sandbox{client: c, image: ref, imageID: id, Startup: 15 * time.Second}, nil
}

// Hardening constants; SECURITY.md explains each.
const (
	sandboxUser  = "65534:65534" // nobody
	pidsLimit    = 64
	tmpfsOptions = "rw,noexec,nosuid,nodev,size=64m,nr_inodes=8192,mode=1777"
	// execOptions: the validator image's /exec, where a compiled validator's binary is written
	// and run; only in validator containers.
	execOptions = "rw,exec,nosuid,nodev,size=32m,nr_inodes=64,mode=1777"
	execMiB     = 32
	shmBytes    = 16 << 20
	stderrKeep  = 64 << 10

	// The cgroup's memory limit is the problem's plus headroom, so that the harness's own
	// watchdog and RLIMIT_DATA decide MLE and the kernel's OOM path is only a backstop: near a
	// cgroup v1 limit on fuse-overlayfs the kernel reclaims the interpreter's file pages and
	// thrashes for minutes instead of killing (SECURITY.md, "Memory").
	harnessMiB     = 64      // the harness, pipes and the interpreter's page cache
	scratchMiB     = 64 + 16 // /tmp and /dev/shm when full: tmpfs is charged to the cgroup
	testRoomMiB    = 64      // over the limit: RLIMIT_DATA's room (16) and what a test can add between two watchdog looks
	memoryHeadroom = harnessMiB + scratchMiB + testRoomMiB
)

// harnessCmd starts the harness from the bytecode the image holds (its Dockerfiles compile it):
// python3 -I -B /opt/judge/harness.py would compile it at every container's start. The
// harness's folder is on sys.path only for that import.
var harnessCmd = []string{"python3", "-I", "-B", "-c",
	"import sys; sys.path.insert(0, '/opt/judge'); import harness; del sys.path[0]; sys.exit(harness.main())"}

// containerConfig is every setting of a sandbox container. It depends on the job only through
// its memory limit, which is why a Pool keeps its warm containers by memory limit.
func (s *Sandbox) containerConfig(memoryMiB int) (*container.Config, *container.HostConfig) {
	mem := int64(memoryMiB+memoryHeadroom) << 20
	pids := int64(pidsLimit)
	cfg := &container.Config{
		Image:           s.image,
		Cmd:             harnessCmd,
		User:            sandboxUser,
		Hostname:        "sandbox",
		Domainname:      "",
		WorkingDir:      "/tmp",
		Env:             []string{"LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PYTHONDONTWRITEBYTECODE=1", "HOME=/tmp", "PATH=/usr/local/bin:/usr/bin:/bin"},
		AttachStdin:     true,
		AttachStdout:    true,
		AttachStderr:    true,
		OpenStdin:       true,
		StdinOnce:       true,
		NetworkDisabled: true,
		Labels:          map[string]string{labelManaged: "1", labelOwner: owner()},
	}
	host := &container.HostConfig{
		NetworkMode:    "none",
		ReadonlyRootfs: true,
		Tmpfs:          map[string]string{"/tmp": tmpfsOptions},
		CapDrop:        []string{"ALL"},
		SecurityOpt:    []string{"no-new-privileges"},
		// The harness itself is the container's init (PID 1): it reaps every orphan, and as PID 1
		// it cannot be signalled from inside. docker-init would run as the sandbox user, dumpable,
		// holding the report channel: a submission could forge frames through /proc/1/fd/1.
		Init:      new(bool),
		IpcMode:   "private",
		ShmSize:   shmBytes,
		LogConfig: container.LogConfig{Type: "none"},
		Runtime:   s.Runtime,
		Resources: container.Resources{
			Memory:     mem,
			MemorySwap: mem, // swap equal to memory: no swap
			NanoCPUs:   1e9,
			PidsLimit:  &pids,
			Ulimits: []*units.Ulimit{
				{Name: "nofile", Soft: 256, Hard: 256},
				{Name: "fsize", Soft: 64 << 20, Hard: 64 << 20},
				{Name: "core", Soft: 0, Hard: 0},
			},
		},
	}
	if s.execScratch {
		host.Tmpfs["/exec"] = execOptions
		host.Memory += execMiB << 20
		host.MemorySwap = host.Memory
	}
	return cfg, host
}

// wallBudget is the host-side limit on a job's life in its container, from the request on.
func (s *Sandbox) wallBudget(job judge.Job) time.Duration {
	return s.Startup + time.Duration(job.Tests)*(1+harness.WallStarvedMax)*job.Limits.Wall
}

// Run runs one job in a new container. The container is removed before Run returns, whatever
// happens; a judge killed outright leaves it to Sweep.
func (s *Sandbox) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (info judge.RunInfo, err error) {
	b, err := s.launch(ctx, job.Limits.MemoryMiB)
	if err != nil {
		return info, err
	}
	defer func() {
		if rerr := s.remove(ctx, b.id); rerr != nil && err == nil {
			err = fmt.Errorf("sandbox: remove container %s: %v", b.name, rerr)
		}
	}()
	info, err = s.serve(ctx, b, job, each)
	info.Image = s.imageID
	return info, err
}

// box is a started container whose harness has said hello: it waits for its one request.
type box struct {
	id, name string
	memory   int       // the memory limit (MiB) of the jobs it was made for
	born     time.Time // when it became ready (the pool's clock): warmed up, or its session's last job ended
	jobs     int       // the jobs a validator session's container served (Pool)
	python   string    // from hello
	hj       types.HijackedResponse
	stdout   *io.PipeReader // the harness's frames, demultiplexed from the attach stream
	stderr   *capped
	exited   chan struct{} // closed when the engine reports the container's exit
	exit     int64         // its exit status once exited is closed; -1 when unknown
}

// alive reports whether the container has not exited.
func (b *box) alive() bool {
	select {
	case <-b.exited:
		return false
	default:
		return true
	}
}

// errNoHello: the harness did not write hello within Startup.
var errNoHello = errors.New("no hello from the harness in time")

// launch creates, attaches and starts a container for jobs of that memory limit and reads its
// harness's hello. On failure it leaves nothing behind.
func (s *Sandbox) launch(ctx context.Context, memoryMiB int, mounts ...mount.Mount) (*box, error) {
	// An engine that stops answering must not hold a job, or a pool's refill, for ever.
	ctx, cancel := context.WithTimeout(ctx, 2*s.Startup)
	defer cancel()
	cfg, host := s.containerConfig(memoryMiB)
	host.Mounts = mounts // an interaction's pipes (Interact); none otherwise
	// Our own name lets us remove the container even when the create call was cancelled after
	// the engine had made it.
	name := "judge-" + uuid.NewString()
	// The create itself is not cancelled: the engine may finish a create whose caller gave up,
	// after a removal by name had found nothing. A finished create gives an ID to remove.
	cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	created, err := s.client.ContainerCreate(cctx, cfg, host, &network.NetworkingConfig{}, nil, name)
	cancel()
	if err != nil {
		_ = s.remove(ctx, name)
		return nil, s.unavailable("create container", err)
	}
	if err := ctx.Err(); err != nil {
		_ = s.remove(ctx, created.ID)
		return nil, fmt.Errorf("sandbox: create container: %w", err)
	}
	b, err := s.boot(ctx, created.ID)
	if err != nil {
		_ = s.remove(ctx, created.ID)
		return nil, err
	}
	b.name, b.memory = name, memoryMiB
	return b, nil
}

// boot attaches to a created container, starts it and reads hello. On error the caller removes
// the container.
func (s *Sandbox) boot(ctx context.Context, id string) (*box, error) {
	hj, err := s.client.ContainerAttach(ctx, id, container.AttachOptions{Stream: true, Stdin: true, Stdout: true, Stderr: true})
	if err != nil {
		return nil, s.unavailable("attach", err)
	}
	b := &box{id: id, hj: hj, stderr: &capped{max: stderrKeep}, exited: make(chan struct{}), exit: -1}
	// Register the wait before start, or a fast exit is missed. It lasts as long as the
	// container, whatever happens to ctx.
	waitCh, waitErr := s.client.ContainerWait(context.WithoutCancel(ctx), id, container.WaitConditionNextExit)
	go func() {
		select {
		case w := <-waitCh:
			b.exit = w.StatusCode
		case <-waitErr:
		}
		close(b.exited)
	}()
	if err := s.client.ContainerStart(ctx, id, container.StartOptions{}); err != nil {
		hj.Close()
		return nil, s.unavailable("start container", err)
	}
	stdoutR, stdoutW := io.Pipe()
	b.stdout = stdoutR
	go func() {
		_, err := stdcopy.StdCopy(stdoutW, b.stderr, hj.Reader)
		stdoutW.CloseWithError(err)
	}()
	// hello comes before the harness reads anything: a harness that does not say it is broken,
	// not slow, and never the submission's fault (no submission is in there yet).
	timer := time.AfterFunc(s.Startup, func() { stdoutR.CloseWithError(errNoHello) })
	stopCancel := context.AfterFunc(ctx, func() { stdoutR.CloseWithError(ctx.Err()) })
	b.python, err = harness.Hello(stdoutR)
	inTime, notCancelled := timer.Stop(), stopCancel()
	if err == nil && !(inTime && notCancelled) {
		err = errNoHello
	}
	if err != nil {
		hj.Close()
		if ctx.Err() != nil {
			return nil, fmt.Errorf("sandbox: start: %w", ctx.Err())
		}
		if lost := s.lostEngine(ctx, err); lost != nil {
			return nil, lost
		}
		return nil, fmt.Errorf("sandbox: the runner image %s did not start the judge's harness (is it a runner image? `judge image build` makes one): %v (harness stderr: %s): %w",
			s.image, err, b.stderr.tail(), judge.ErrUnavailable)
	}
	return b, nil
}

// remove force-removes a container, even after ctx was cancelled (Ctrl-C); one already gone is
// not an error.
func (s *Sandbox) remove(ctx context.Context, id string) error {
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	err := s.client.ContainerRemove(rctx, id, container.RemoveOptions{Force: true, RemoveVolumes: true})
	if err != nil && !cerrdefs.IsNotFound(err) {
		return err
	}
	return nil
}

// serve feeds one job to a booted container and reads its reports until end. It kills the
// container when the job stops early, runs out of time or is cancelled; removing it is the
// caller's part.
func (s *Sandbox) serve(ctx context.Context, b *box, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	defer b.hj.Close()
	info, _, err := s.serveJob(ctx, b, job, "", each, nil)
	return info, err
}

// serveJob is serve without closing the attach connection; with a nonce, it feeds one job of a
// validator session (harness.FeedSession) and reads its reports up to the harness's done with
// that nonce. reusable says the session's job ended cleanly and the container, still attached,
// may serve the session's next job; otherwise it was killed (or the job broke the session) and
// must go. atEnd (sessions) is given the job's RunInfo as soon as the harness says end
// (harness.SessionReports).
func (s *Sandbox) serveJob(ctx context.Context, b *box, job judge.Job, nonce string, each func(judge.Execution) bool, atEnd func(judge.RunInfo)) (judge.RunInfo, bool, error) {
	id := b.id
	info := judge.RunInfo{Python: b.python}
	runCtx, cancel := context.WithTimeout(ctx, s.wallBudget(job))
	defer cancel()
	var timedOut atomic.Bool
	// once guards the container's fate: killed, or kept for the session's next job. A kill
	// asked for (the caller's cancellation, the wall budget) may land after the job has ended
	// cleanly, so a job is reusable only if it claims once before any kill does (keep): a
	// container kept while a kill was on its way died under the session's next job.
	var once sync.Once
	kill := func() {
		once.Do(func() {
			kctx, kcancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer kcancel()
			_ = s.client.ContainerKill(kctx, id, "KILL")
		})
	}
	keep := func() bool {
		kept := false
		once.Do(func() { kept = true })
		return kept
	}
	// The killer is its own goroutine: killing from the reader deadlocked the judge before.
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-runCtx.Done():
			if ctx.Err() == nil {
				timedOut.Store(true)
			}
			kill()
		case <-done:
		}
	}()

	stop := make(chan struct{})
	defer close(stop)
	feedErr := make(chan error, 1)
	var got judge.RunInfo
	var rerr error
	if nonce == "" {
		go func() { feedErr <- harness.Feed(closeWriter{b.hj}, job, stop) }()
		// a failed feed shows up as an early end of the report stream
		got, rerr = harness.Reports(runCtx, b.stdout, job, each)
	} else {
		go func() { feedErr <- harness.FeedSession(b.hj.Conn, job, nonce, stop) }()
		got, rerr = harness.SessionReports(runCtx, b.stdout, job, nonce, each, atEnd)
	}
	got.Python = info.Python
	info = got
	if nonce != "" {
		// done comes after the end marker and the nonce were written: the feed is over then.
		if rerr == nil && <-feedErr == nil {
			return info, keep(), nil
		}
		if rerr == nil || errors.Is(rerr, harness.ErrSessionBroken) {
			// The job's own reports stand (they are its validator's); its container goes.
			kill()
			return info, false, nil
		}
	}
	if rerr == nil && info.Completed < job.Tests && info.CompileError == nil {
		// each asked to stop, or the harness ended early: either way the container goes now.
		kill()
		return info, false, nil
	}
	if rerr == nil {
		return info, false, nil
	}
	kill()
	b.stdout.CloseWithError(rerr)
	if ctx.Err() != nil {
		return info, false, fmt.Errorf("sandbox: %w", ctx.Err())
	}
	if timedOut.Load() {
		info.Killed = judge.StatusTLE
		return info, false, nil
	}
	if lost := s.lostEngine(ctx, rerr); lost != nil {
		return info, false, lost
	}
	if !errors.Is(rerr, harness.ErrIncomplete) {
		return info, false, fmt.Errorf("sandbox: %v (harness stderr: %s)", rerr, b.stderr.tail())
	}
	// The stream ended early: find out why from the engine, not from the exit code alone.
	exit := int64(-1)
	select {
	case <-b.exited:
		exit = b.exit
	case <-time.After(10 * time.Second):
	}
	ictx, icancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer icancel()
	st, ierr := s.client.ContainerInspect(ictx, id)
	switch {
	case ierr == nil && st.State != nil && st.State.OOMKilled:
		info.Killed = judge.StatusMLE
	case exit > 128:
		// docker-init reports the harness's death by signal as 128+n: only the submission
		// (same user, kill(-1, SIGKILL)) can do that inside the sandbox.
		info.Killed = judge.StatusRE
	default:
		return info, false, fmt.Errorf("sandbox: the harness exited (code %d) before finishing: %s", exit, b.stderr.tail())
	}
	return info, false, nil
}

// lostEngine tells a stream that broke because the engine went away (stopped, restarted, its
// socket gone) from one the harness broke: then it returns the error to report, else nil.
func (s *Sandbox) lostEngine(ctx context.Context, cause error) error {
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if _, err := s.client.Ping(pctx); err != nil {
		return fmt.Errorf("sandbox: lost the Docker engine while judging (%v; it no longer answers: %v): %w", cause, err, judge.ErrUnavailable)
	}
	return nil
}

// unavailable wraps an engine failure: the judge cannot judge, not the candidate's fault.
func (s *Sandbox) unavailable(op string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("sandbox: %s: %w", op, err)
	}
	if lost := s.lostEngine(context.Background(), fmt.Errorf("%s: %w", op, err)); lost != nil {
		return lost
	}
	return fmt.Errorf("sandbox: %s: %v: %w", op, err, judge.ErrUnavailable)
}

// closeWriter lets harness.Feed close only the write half of the attach connection, so the
// harness sees EOF on stdin while its reports still flow back.
type closeWriter struct{ hj types.HijackedResponse }

func (c closeWriter) Write(p []byte) (int, error) { return c.hj.Conn.Write(p) }
func (c closeWriter) Close() error                { return c.hj.CloseWrite() }

// capped keeps the first max bytes written to it and drops the rest, so a flood of harness
// stderr cannot grow the judge's memory.
type capped struct {
	mu  sync.Mutex
	max int
	buf bytes.Buffer
}

func (c *capped) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if room := c.max - c.buf.Len(); room > 0 {
		if len(p) < room {
			room = len(p)
		}
		c.buf.Write(p[:room])
	}
	return len(p), nil
}

func (c *capped) tail() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := strings.TrimSpace(c.buf.String())
	if len(s) > 2000 {
		s = "…" + s[len(s)-2000:]
	}
	if s == "" {
		return "(nothing on stderr)"
	}
	return s
}

// Environment names where this sandbox judges: the runner image (and so the harness), the OCI
// runtime, and the engine's machine. A time-limit calibration is valid only there.
func (s *Sandbox) Environment(ctx context.Context) (string, error) {
	info, err := s.client.Info(ctx)
	if err != nil {
		return "", s.unavailable("engine info", err)
	}
	return fmt.Sprintf("image %s; runtime %q; engine %s on %s (%s), %d CPUs, %d MiB, kernel %s, %s storage, cgroup v%s",
		s.imageID, s.Runtime, info.ID, info.Name, info.OperatingSystem, info.NCPU, info.MemTotal>>20,
		info.KernelVersion, info.Driver, info.CgroupVersion), nil
}
