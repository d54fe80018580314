package docker

import (
	"context"
	"fmt"
	"slices"

	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/network"
	"github.com/google/uuid"
)

// Lifecycle creates, starts, waits for and removes one container that runs `python3 -c pass`,
// with the sandbox's hardened settings: the engine's fixed cost per container, the floor under
// any judge that uses a container per submission (the "ceiling" of make bench).
func (s *Sandbox) Lifecycle(ctx context.Context) error { return s.LifecycleWith(ctx, nil) }

// LifecycleWith is Lifecycle with the container's settings changed by change first (nil: as
// judged), to measure what one part of them costs (judge-bench's lifecycle section). Only for
// measuring: no submission ever runs in a changed container.
func (s *Sandbox) LifecycleWith(ctx context.Context, change func(*container.Config, *container.HostConfig)) (err error) {
	cfg, host := s.containerConfig(256)
	cfg.Cmd = []string{"python3", "-c", "pass"}
	cfg.AttachStdin, cfg.AttachStdout, cfg.AttachStderr, cfg.OpenStdin, cfg.StdinOnce = false, false, false, false, false
	if change != nil {
		change(cfg, host)
	}
	name := "judge-" + uuid.NewString()
	created, err := s.client.ContainerCreate(ctx, cfg, host, &network.NetworkingConfig{}, nil, name)
	if err != nil {
		_ = s.remove(ctx, name)
		return s.unavailable("create container", err)
	}
	defer func() {
		if rerr := s.remove(ctx, created.ID); rerr != nil && err == nil {
			err = fmt.Errorf("lifecycle: remove: %v", rerr)
		}
	}()
	waitCh, waitErr := s.client.ContainerWait(ctx, created.ID, container.WaitConditionNextExit)
	if err := s.client.ContainerStart(ctx, created.ID, container.StartOptions{}); err != nil {
		return s.unavailable("start container", err)
	}
	select {
	case w := <-waitCh:
		if w.StatusCode != 0 {
			return fmt.Errorf("lifecycle: %v exited %d", cfg.Cmd, w.StatusCode)
		}
		return nil
	case err := <-waitErr:
		return fmt.Errorf("lifecycle: wait: %w", err)
	}
}

// Engine describes the Docker engine, for a benchmark's header: versions, cgroup, runtime.
func Engine(ctx context.Context, c apiClient) (string, error) {
	v, err := c.ServerVersion(ctx)
	if err != nil {
		return "", fmt.Errorf("engine version: %w", err)
	}
	info, err := c.Info(ctx)
	if err != nil {
		return "", fmt.Errorf("engine info: %w", err)
	}
	return fmt.Sprintf("Docker %s (API %s), cgroup v%s, %s, %s", v.Version, v.APIVersion, info.CgroupVersion, info.DefaultRuntime, info.Driver), nil
}

// Runtimes lists the OCI runtimes registered with the engine (runc, and crun or runsc where an
// operator added them to daemon.json).
func Runtimes(ctx context.Context, c apiClient) ([]string, error) {
	info, err := c.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("engine info: %w", err)
	}
	var out []string
	for name := range info.Runtimes {
		out = append(out, name)
	}
	slices.Sort(out)
	return out, nil
}
