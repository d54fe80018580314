// Package local runs the harness directly on the host with python3, with no isolation at all. It
// exists to measure the sandbox's overhead against the unsandboxed limit (make bench) and to
// develop the harness; it must never judge untrusted code.
package local

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/harness"
	pyrunner "github.com/judge-dev/judge/runner-images/python"
)

// Sandbox runs each job as a python3 process on the host.
type Sandbox struct {
	Python string // interpreter, default "python3"
	dir    string
}

var _ judge.Sandbox = (*Sandbox)(nil)

// New writes the embedded harness to a private temp folder; Close removes it.
func New(python string) (*Sandbox, error) {
	if python == "" {
		python = "python3"
	}
	dir, err := os.MkdirTemp("", "judge-local-")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "harness.py"), pyrunner.Harness, 0o600); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return &Sandbox{Python: python, dir: dir}, nil
}

// Close removes the temp folder.
func (s *Sandbox) Close() error { return os.RemoveAll(s.dir) }

// Run runs one job in a fresh host process.
func (s *Sandbox) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	cmd := exec.CommandContext(ctx, s.Python, "-I", "-B", filepath.Join(s.dir, "harness.py"))
	cmd.Dir = s.dir
	cmd.Env = []string{"LANG=C.UTF-8", "PATH=" + os.Getenv("PATH"), "HOME=" + s.dir}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return judge.RunInfo{}, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return judge.RunInfo{}, err
	}
	if err := cmd.Start(); err != nil {
		return judge.RunInfo{}, fmt.Errorf("local: start %s: %w", s.Python, err)
	}
	stop := make(chan struct{})
	go harness.Feed(stdin, job, stop)
	info, rerr := harness.Read(ctx, stdout, job, each)
	close(stop)
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	info.Image = "host"
	if rerr != nil {
		return info, fmt.Errorf("local: %w", rerr)
	}
	return info, nil
}
