package docker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	cerrdefs "github.com/containerd/errdefs"
	"github.com/docker/docker/api/types"
	"github.com/docker/docker/api/types/container"
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
	sandboxUser     = "65534:65534" // nobody
	pidsLimit       = 64
	tmpfsOptions    = "rw,noexec,nosuid,nodev,size=64m,nr_inodes=8192,mode=1777"
	shmBytes        = 16 << 20
	harnessOverhead = 64 // MiB on top of the problem's memory limit, for the harness and pipes
	stderrKeep      = 64 << 10
)

// containerConfig is every setting of a sandbox container. It is a function of the job alone.
func (s *Sandbox) containerConfig(job judge.Job) (*container.Config, *container.HostConfig) {
	mem := int64(job.Limits.MemoryMiB+harnessOverhead) << 20
	pids := int64(pidsLimit)
	cfg := &container.Config{
		Image:           s.image,
		Cmd:             []string{"python3", "-I", "-B", "/opt/judge/harness.py"},
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
	return cfg, host
}

// wallBudget is the host-side limit on the whole container's life.
func (s *Sandbox) wallBudget(job judge.Job) time.Duration {
	return s.Startup + time.Duration(job.Tests)*job.Limits.Wall
}

// Run runs one job in a new container. The container is removed before Run returns, whatever
// happens; a judge killed outright leaves it to Sweep.
func (s *Sandbox) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (info judge.RunInfo, err error) {
	cfg, host := s.containerConfig(job)
	// Our own name lets us remove the container even when the create call was cancelled after
	// the engine had made it.
	name := "judge-" + uuid.NewString()
	id := name
	defer func() {
		// Removal must happen even when ctx was cancelled (Ctrl-C).
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		rerr := s.client.ContainerRemove(rctx, id, container.RemoveOptions{Force: true, RemoveVolumes: true})
		if rerr != nil && !cerrdefs.IsNotFound(rerr) && err == nil {
			err = fmt.Errorf("sandbox: remove container %s: %v", name, rerr)
		}
	}()
	// Create is never cancelled halfway: a create request cut by Ctrl-C still completes in the
	// engine, sometimes after our removal by name has found nothing, leaving the container behind.
	// It is short, so cancellation is honoured right after it.
	cctx, ccancel := context.WithTimeout(context.WithoutCancel(ctx), 60*time.Second)
	created, err := s.client.ContainerCreate(cctx, cfg, host, &network.NetworkingConfig{}, nil, name)
	ccancel()
	if err != nil {
		return info, s.unavailable("create container", err)
	}
	id = created.ID
	if err := ctx.Err(); err != nil {
		return info, fmt.Errorf("sandbox: %w", err)
	}
	info, err = s.run(ctx, id, job, each)
	info.Image = s.imageID
	return info, err
}

func (s *Sandbox) run(ctx context.Context, id string, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	var info judge.RunInfo
	hj, err := s.client.ContainerAttach(ctx, id, container.AttachOptions{Stream: true, Stdin: true, Stdout: true, Stderr: true})
	if err != nil {
		return info, s.unavailable("attach", err)
	}
	defer hj.Close()
	// Register the wait before start, or a fast exit is missed.
	waitCh, waitErr := s.client.ContainerWait(context.WithoutCancel(ctx), id, container.WaitConditionNextExit)
	if err := s.client.ContainerStart(ctx, id, container.StartOptions{}); err != nil {
		return info, s.unavailable("start container", err)
	}

	runCtx, cancel := context.WithTimeout(ctx, s.wallBudget(job))
	defer cancel()
	var timedOut bool
	var once sync.Once
	kill := func() {
		once.Do(func() {
			kctx, kcancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer kcancel()
			_ = s.client.ContainerKill(kctx, id, "KILL")
		})
	}
	// The killer is its own goroutine: killing from the reader deadlocked the judge before.
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-runCtx.Done():
			if ctx.Err() == nil {
				timedOut = true
			}
			kill()
		case <-done:
		}
	}()

	stop := make(chan struct{})
	var stopOnce sync.Once
	feedErr := make(chan error, 1)
	go func() { feedErr <- harness.Feed(closeWriter{hj}, job, stop) }()
	_ = feedErr // a failed feed shows up as an early end of the report stream

	stdoutR, stdoutW := io.Pipe()
	stderr := &capped{max: stderrKeep}
	go func() {
		_, err := stdcopy.StdCopy(stdoutW, stderr, hj.Reader)
		stdoutW.CloseWithError(err)
	}()

	info, rerr := harness.Read(runCtx, stdoutR, job, each)
	stopOnce.Do(func() { close(stop) })
	if rerr == nil && info.Completed < job.Tests && info.CompileError == nil {
		// each asked to stop, or the harness ended early: either way the container goes now.
		kill()
		return info, nil
	}
	if rerr == nil {
		return info, nil
	}
	kill()
	stdoutR.CloseWithError(rerr)
	if ctx.Err() != nil {
		return info, fmt.Errorf("sandbox: %w", ctx.Err())
	}
	if timedOut {
		info.Killed = judge.StatusTLE
		return info, nil
	}
	if !errors.Is(rerr, harness.ErrIncomplete) {
		return info, fmt.Errorf("sandbox: %v (harness stderr: %s)", rerr, stderr.tail())
	}
	// The stream ended early: find out why from the engine, not from the exit code alone.
	var exit int64 = -1
	select {
	case w := <-waitCh:
		exit = w.StatusCode
	case <-waitErr:
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
		return info, fmt.Errorf("sandbox: the harness exited (code %d) before finishing: %s", exit, stderr.tail())
	}
	return info, nil
}

// unavailable wraps an engine failure: the judge cannot judge, not the candidate's fault.
func (s *Sandbox) unavailable(op string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("sandbox: %s: %w", op, err)
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
