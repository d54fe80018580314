package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strconv"
	"time"

	"github.com/judge-dev/judge/judge"
)

// naive is the baseline: what someone would script by hand, one `docker run --rm` per test from
// the docker CLI, with the same hardening flags as the judge's containers, the solution passed
// with -c and the test input on stdin. It is the one place this project runs the docker CLI.
type naive struct {
	image string
}

var _ judge.Sandbox = (*naive)(nil)

// functionDriver calls the solution's function with the JSON arguments on stdin (json adapters
// only: enough for the benchmark's problems).
const functionDriver = `
import json as _json, sys as _sys
_args = _json.loads(_sys.stdin.read())
_f = globals().get(%q) or getattr(Solution(), %q)
_sys.stdout.write(_json.dumps(_f(*_args)))
`

func (n *naive) Run(ctx context.Context, job judge.Job, each func(judge.Execution) bool) (judge.RunInfo, error) {
	program := string(job.Source)
	switch job.Mode {
	case judge.JobStdio:
	case judge.JobFunction:
		program += fmt.Sprintf(functionDriver, job.Function.Name, job.Function.Name)
	default:
		return judge.RunInfo{}, fmt.Errorf("naive: %s mode is not supported", job.Mode)
	}
	mem := strconv.Itoa(job.Limits.MemoryMiB+64) + "m"
	info := judge.RunInfo{Python: "?", Image: n.image}
	for i := 0; i < job.Tests; i++ {
		cmd := exec.CommandContext(ctx, "docker", "run", "--rm", "-i",
			"--network", "none", "--read-only", "--tmpfs", "/tmp:rw,noexec,nosuid,size=64m",
			"--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--user", "65534:65534",
			"--memory", mem, "--memory-swap", mem, "--pids-limit", "64", "--cpus", "1", "--log-driver", "none",
			n.image, "python3", "-c", program)
		var stdout, stderr bytes.Buffer
		cmd.Stdin = bytes.NewReader(job.Frames(i)[0])
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		start := time.Now()
		err := cmd.Run()
		e := judge.Execution{Test: i, Status: judge.StatusOK, Wall: time.Since(start), Output: stdout.Bytes(), Stderr: stderr.String()}
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit):
			code := exit.ExitCode()
			e.Status, e.ExitCode = judge.StatusRE, &code
		case err != nil:
			return info, fmt.Errorf("naive: docker run: %w", err)
		}
		info.Completed++
		if !each(e) {
			break
		}
	}
	return info, nil
}
