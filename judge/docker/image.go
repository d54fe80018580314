package docker

import (
	"archive/tar"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/docker/docker/api/types/build"
	"github.com/docker/docker/api/types/filters"
	"github.com/docker/docker/api/types/image"
	"github.com/docker/docker/client"

	"github.com/judge-dev/judge/judge"
	pyrunner "github.com/judge-dev/judge/runner-images/python"
)

// ImageID returns the ID of the runner image, or an ErrUnavailable error that says how to build
// it, or that it is stale (built from another harness).
func ImageID(ctx context.Context, c apiClient, ref string) (string, error) {
	img, err := c.ImageInspect(ctx, ref)
	if err != nil {
		if client.IsErrNotFound(err) {
			return "", fmt.Errorf("runner image %s is missing: build it with `judge image build` (or `make image`; about 2 minutes, needs root for debootstrap): %w", ref, judge.ErrUnavailable)
		}
		return "", fmt.Errorf("inspect runner image %s: %v: %w", ref, err, judge.ErrUnavailable)
	}
	if ref == RunnerImage() && (img.Config == nil || img.Config.Labels[labelHarness] != pyrunner.HarnessDigest()) {
		return "", fmt.Errorf("runner image %s holds another version of the harness: rebuild it with `judge image build`: %w", ref, judge.ErrUnavailable)
	}
	return img.ID, nil
}

// BuildOptions choose how the runner image is built.
type BuildOptions struct {
	// FromRegistry builds runner-images/python/Dockerfile (FROM debian:bookworm-slim), for
	// engines that can pull. Otherwise the base is made with debootstrap and imported.
	FromRegistry bool
	// Rebuild makes the debootstrap base again even when it exists.
	Rebuild bool
	// Progress receives human-readable progress.
	Progress io.Writer
}

// Build builds RunnerImage(): the Debian + python3 base (debootstrap, then an image import; no
// registry needed) unless it exists, then the thin harness layer on top of it.
func Build(ctx context.Context, c apiClient, opt BuildOptions) (string, error) {
	progress := opt.Progress
	if progress == nil {
		progress = io.Discard
	}
	// The images this build replaces are removed afterwards, so rebuilds leave no dangling
	// images behind.
	oldRunner := imageIDOrEmpty(ctx, c, RunnerImage())
	oldRootfs := ""
	if opt.Rebuild {
		oldRootfs = imageIDOrEmpty(ctx, c, RootfsImage())
	}
	rootfs := RootfsImage()
	dockerfile := pyrunner.DockerfileLocal
	if opt.FromRegistry {
		dockerfile = pyrunner.Dockerfile
	} else if err := ensureRootfs(ctx, c, opt.Rebuild, progress); err != nil {
		return "", err
	}
	fmt.Fprintf(progress, "building %s (harness %s)\n", RunnerImage(), pyrunner.HarnessDigest()[:12])
	buildCtx, err := tarFiles(map[string][]byte{"Dockerfile": dockerfile, "harness.py": pyrunner.Harness})
	if err != nil {
		return "", err
	}
	resp, err := c.ImageBuild(ctx, buildCtx, build.ImageBuildOptions{
		Tags:        []string{RunnerImage()},
		Labels:      map[string]string{labelHarness: pyrunner.HarnessDigest()},
		BuildArgs:   map[string]*string{"ROOTFS": &rootfs},
		Remove:      true,
		ForceRemove: true,
		PullParent:  false,
		NetworkMode: "none",
		Version:     build.BuilderV1,
	})
	if err != nil {
		return "", fmt.Errorf("build runner image: %v: %w", err, judge.ErrUnavailable)
	}
	defer resp.Body.Close()
	if err := streamMessages(resp.Body, progress); err != nil {
		return "", fmt.Errorf("build runner image: %v: %w", err, judge.ErrUnavailable)
	}
	id, err := ImageID(ctx, c, RunnerImage())
	if err != nil {
		return "", err
	}
	for _, old := range []string{oldRunner, oldRootfs} {
		if old != "" && old != id && old != imageIDOrEmpty(ctx, c, RootfsImage()) {
			// Still used by a running sandbox: the engine refuses, and that is fine.
			_, _ = c.ImageRemove(ctx, old, image.RemoveOptions{PruneChildren: true})
		}
	}
	return id, nil
}

func imageIDOrEmpty(ctx context.Context, c apiClient, ref string) string {
	img, err := c.ImageInspect(ctx, ref)
	if err != nil {
		return ""
	}
	return img.ID
}

func ensureRootfs(ctx context.Context, c apiClient, rebuild bool, progress io.Writer) error {
	if !rebuild {
		if _, err := c.ImageInspect(ctx, RootfsImage()); err == nil {
			fmt.Fprintf(progress, "base image %s exists\n", RootfsImage())
			return nil
		}
	}
	dir, err := os.MkdirTemp("", "judge-rootfs-")
	if err != nil {
		return fmt.Errorf("build base image: %w", err)
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "build-rootfs.sh")
	if err := os.WriteFile(script, pyrunner.BuildRootfs, 0o700); err != nil {
		return fmt.Errorf("build base image: %w", err)
	}
	out := filepath.Join(dir, "rootfs.tar")
	fmt.Fprintf(progress, "making a minimal Debian bookworm with python3 (debootstrap, about 70 s)\n")
	cmd := exec.CommandContext(ctx, "bash", script, out)
	cmd.Stdout, cmd.Stderr = progress, progress
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build base image: build-rootfs.sh: %v (it needs root, apt and Debian's mirror): %w", err, judge.ErrUnavailable)
	}
	f, err := os.Open(out)
	if err != nil {
		return fmt.Errorf("build base image: %w", err)
	}
	defer f.Close()
	fmt.Fprintf(progress, "importing %s\n", RootfsImage())
	rc, err := c.ImageImport(ctx, image.ImportSource{Source: f, SourceName: "-"}, RootfsImage(), image.ImportOptions{
		Changes: []string{"ENV LANG=C.UTF-8", `CMD ["python3"]`},
	})
	if err != nil {
		return fmt.Errorf("build base image: import: %v: %w", err, judge.ErrUnavailable)
	}
	defer rc.Close()
	if err := streamMessages(rc, progress); err != nil {
		return fmt.Errorf("build base image: import: %v: %w", err, judge.ErrUnavailable)
	}
	return nil
}

// RemoveImages removes every runner image (of any harness) and the base image (make clean-image).
func RemoveImages(ctx context.Context, c apiClient) error {
	var errs []error
	refs := []string{}
	runners, err := c.ImageList(ctx, image.ListOptions{Filters: filters.NewArgs(filters.Arg("reference", runnerRepo+":*"))})
	if err != nil {
		errs = append(errs, err)
	}
	for _, img := range runners {
		refs = append(refs, img.RepoTags...)
	}
	for _, ref := range append(refs, RootfsImage()) {
		if _, err := c.ImageRemove(ctx, ref, image.RemoveOptions{PruneChildren: true}); err != nil && !client.IsErrNotFound(err) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func tarFiles(files map[string][]byte) (io.Reader, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for name, b := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(b))}); err != nil {
			return nil, err
		}
		if _, err := tw.Write(b); err != nil {
			return nil, err
		}
	}
	return &buf, tw.Close()
}

// streamMessages copies the engine's JSON progress stream as text and returns its error, if any.
func streamMessages(r io.Reader, w io.Writer) error {
	dec := json.NewDecoder(r)
	for {
		var m struct {
			Stream string `json:"stream"`
			Status string `json:"status"`
			Error  string `json:"error"`
		}
		if err := dec.Decode(&m); err != nil {
			if err == io.EOF {
				return nil
			}
			return err
		}
		if m.Error != "" {
			return errors.New(strings.TrimSpace(m.Error))
		}
		if s := strings.TrimRight(m.Stream+m.Status, "\n"); s != "" {
			fmt.Fprintln(w, s)
		}
	}
}

// HasRootfs reports whether the debootstrap base image exists.
func HasRootfs(ctx context.Context, c apiClient) bool {
	_, err := c.ImageInspect(ctx, RootfsImage())
	return err == nil
}
