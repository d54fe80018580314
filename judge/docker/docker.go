// Package docker is the judge's sandbox on the Docker Engine API: one hardened, throwaway
// container per job, started on demand (Sandbox) or ahead of time (Pool), plus building the
// runner image without a registry. It is the only package
// that imports github.com/docker/docker. It must never run the docker CLI, never bind-mount a
// host path the container could write, and never leave a container behind.
package docker

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/docker/docker/api/types"
	"github.com/docker/docker/api/types/build"
	"github.com/docker/docker/api/types/container"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/api/types/network"
	"github.com/docker/docker/api/types/system"
	"github.com/docker/docker/api/types/volume"
	"github.com/docker/docker/client"
	ocispec "github.com/opencontainers/image-spec/specs-go/v1"

	"github.com/judge-dev/judge/judge"
	pyrunner "github.com/judge-dev/judge/runner-images/python"
)

// apiClient lists the Engine API calls this package makes; *client.Client satisfies it and unit
// tests fake it.
type apiClient interface {
	ContainerCreate(ctx context.Context, config *container.Config, hostConfig *container.HostConfig, networkingConfig *network.NetworkingConfig, platform *ocispec.Platform, containerName string) (container.CreateResponse, error)
	ContainerAttach(ctx context.Context, container string, options container.AttachOptions) (types.HijackedResponse, error)
	ContainerStart(ctx context.Context, container string, options container.StartOptions) error
	ContainerWait(ctx context.Context, container string, condition container.WaitCondition) (<-chan container.WaitResponse, <-chan error)
	ContainerKill(ctx context.Context, container, signal string) error
	ContainerInspect(ctx context.Context, container string) (container.InspectResponse, error)
	ContainerRemove(ctx context.Context, container string, options container.RemoveOptions) error
	ContainerList(ctx context.Context, options container.ListOptions) ([]container.Summary, error)
	ImageInspect(ctx context.Context, image string, opts ...client.ImageInspectOption) (image.InspectResponse, error)
	ImageImport(ctx context.Context, source image.ImportSource, ref string, options image.ImportOptions) (io.ReadCloser, error)
	ImageBuild(ctx context.Context, buildContext io.Reader, options build.ImageBuildOptions) (build.ImageBuildResponse, error)
	ImageList(ctx context.Context, options image.ListOptions) ([]image.Summary, error)
	ImageRemove(ctx context.Context, image string, options image.RemoveOptions) ([]image.DeleteResponse, error)
	VolumeCreate(ctx context.Context, options volume.CreateOptions) (volume.Volume, error)
	VolumeRemove(ctx context.Context, volumeID string, force bool) error
	VolumeList(ctx context.Context, options volume.ListOptions) (volume.ListResponse, error)
	Ping(ctx context.Context) (types.Ping, error)
	ServerVersion(ctx context.Context) (types.Version, error)
	Info(ctx context.Context) (system.Info, error)
}

var _ apiClient = (*client.Client)(nil)

// Labels put on every container the judge creates.
const (
	labelManaged = "io.judge.managed"
	labelOwner   = "io.judge.owner" // "<pid>:<process start time>" of the judge that made it
)

// Image names.
const (
	// runnerRepo is the repository of runner images; the tag is the harness digest.
	runnerRepo = "judge-python"
	// rootfsRepo is the repository of the Debian + python3 bases imported from debootstrap.
	rootfsRepo = "judge-python-rootfs"
	// labelHarness records the digest of the harness baked into RunnerImage.
	labelHarness = "io.judge.harness"
)

// Validator image repositories: the image C and C++ validators are compiled and run in, and
// its debootstrapped base.
const (
	validatorRepo       = "judge-validator"
	validatorRootfsRepo = "judge-validator-rootfs"
)

// ValidatorRootfsImage is the Debian + python3 + g++ base of the validator image, imported from
// debootstrap. Its tag is the digest of build-rootfs.sh and the package list, as RootfsImage's:
// a changed script or list makes a new base instead of silently reusing the old one.
func ValidatorRootfsImage() string {
	return validatorRootfsRepo + ":bookworm-" + pyrunner.ValidatorRootfsDigest()[:12]
}

// ValidatorImage is the validator image; its tag is the digest of its harness and Dockerfile.
func ValidatorImage() string { return validatorRepo + ":" + pyrunner.ValidatorDigest()[:12] }

// RunnerImage is the image submissions run in. Its tag is the digest of the harness it holds, so
// judges built from different harnesses (two work trees, an upgrade next to a running server)
// each find their own image instead of rebuilding one tag back and forth.
func RunnerImage() string { return runnerRepo + ":" + pyrunner.HarnessDigest()[:12] }

// RootfsImage is the Debian base the runner image is built on. Its tag is the digest of
// build-rootfs.sh, so that a changed package list (pyflakes was added) makes a new base instead
// of silently reusing the old one.
func RootfsImage() string { return rootfsRepo + ":bookworm-" + pyrunner.RootfsDigest()[:12] }

// Connect returns an Engine API client from the environment (DOCKER_HOST, ...) with API version
// negotiation on, after checking the engine answers.
func Connect(ctx context.Context) (*client.Client, error) {
	c, err := client.NewClientWithOpts(client.FromEnv, client.WithAPIVersionNegotiation())
	if err != nil {
		return nil, fmt.Errorf("docker: %v: %w", err, judge.ErrUnavailable)
	}
	if _, err := c.Ping(ctx); err != nil {
		c.Close()
		return nil, fmt.Errorf("docker: the Docker engine does not answer (%v); is the daemon running and may this user use it? %w", err, judge.ErrUnavailable)
	}
	return c, nil
}

// OwnerLabel is the label filter ("key=value") matching the containers this process creates.
func OwnerLabel() string { return labelOwner + "=" + owner() }

// owner identifies this process across PID reuse: its PID and its start time in clock ticks.
func owner() string {
	return fmt.Sprintf("%d:%s", os.Getpid(), startTime(os.Getpid()))
}

func startTime(pid int) string {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return ""
	}
	s := string(b)
	// The command name may hold spaces and parentheses; fields resume after the last ')'.
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return ""
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 20 {
		return ""
	}
	return f[19] // field 22 overall: starttime
}

// alive reports whether the judge process named by an owner label still runs.
func alive(label string) bool {
	pid, start, ok := strings.Cut(label, ":")
	if !ok {
		return false
	}
	n, err := strconv.Atoi(pid)
	if err != nil {
		return false
	}
	st := startTime(n)
	return st != "" && st == start
}

// Sweep removes containers (and interaction volumes) left by judge processes that no longer
// run (killed with SIGKILL, a crash). Containers of judges still running are left alone. It returns how many it removed.
func Sweep(ctx context.Context, c apiClient) (int, error) {
	list, err := c.ContainerList(ctx, container.ListOptions{
		All:     true,
		Filters: filters.NewArgs(filters.Arg("label", labelManaged+"=1")),
	})
	if err != nil {
		return 0, fmt.Errorf("sweep: list containers: %w", err)
	}
	removed := 0
	for _, s := range list {
		if alive(s.Labels[labelOwner]) {
			continue
		}
		err := c.ContainerRemove(ctx, s.ID, container.RemoveOptions{Force: true, RemoveVolumes: true})
		switch {
		case err == nil:
			removed++
		case strings.Contains(err.Error(), "No such container"), strings.Contains(err.Error(), "already in progress"):
			// Another judge starting at the same time swept it first.
		default:
			return removed, fmt.Errorf("sweep: remove %s: %w", s.ID[:12], err)
		}
	}
	// An interaction's volume outlives its containers only when its judge died between them.
	if _, err := sweepVolumes(ctx, c); err != nil {
		return removed, err
	}
	return removed, nil
}

// Owned counts the containers this process made that still exist: after a clean shutdown, none.
func Owned(ctx context.Context, c apiClient) (int, error) {
	list, err := c.ContainerList(ctx, container.ListOptions{All: true, Filters: filters.NewArgs(filters.Arg("label", OwnerLabel()))})
	if err != nil {
		return 0, fmt.Errorf("list containers: %w", err)
	}
	return len(list), nil
}

// OwnedBy counts the containers that the judge process pid made and that still exist.
func OwnedBy(ctx context.Context, c apiClient, pid int) (int, error) {
	list, err := c.ContainerList(ctx, container.ListOptions{All: true, Filters: filters.NewArgs(filters.Arg("label", labelManaged+"=1"))})
	if err != nil {
		return 0, fmt.Errorf("list containers: %w", err)
	}
	n := 0
	for _, s := range list {
		if strings.HasPrefix(s.Labels[labelOwner], strconv.Itoa(pid)+":") {
			n++
		}
	}
	return n, nil
}
