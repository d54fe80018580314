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
	what, build, digest := "runner image", "judge image build", ""
	switch ref {
	case RunnerImage():
		digest = pyrunner.HarnessDigest()
	case ValidatorImage():
		what, build, digest = "validator image", "judge image build --validator", pyrunner.ValidatorDigest()
	}
	img, err := c.ImageInspect(ctx, ref)
	if err != nil {
		if client.IsErrNotFound(err) {
			return "", fmt.Errorf("%s %s is missing: build it with `%s` (or `make image`; a few minutes, needs root for debootstrap): %w", what, ref, build, judge.ErrUnavailable)
		}
		return "", fmt.Errorf("inspect %s %s: %v: %w", what, ref, err, judge.ErrUnavailable)
	}
	if digest != "" && (img.Config == nil || img.Config.Labels[labelHarness] != digest) {
		return "", fmt.Errorf("%s %s holds another version of the harness: rebuild it with `%s`: %w", what, ref, build, judge.ErrUnavailable)
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
	} else if err := ensureRootfs(ctx, c, runnerBase, opt.Rebuild, progress); err != nil {
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

// base is a debootstrapped root image: its name and Debian packages.
type base struct {
	ref, packages, what string
}

var (
	runnerBase    = base{RootfsImage(), "", "a minimal Debian bookworm with python3 (debootstrap, about 70 s)"}
	validatorBase = base{ValidatorRootfsImage(), pyrunner.ValidatorPackages, "a minimal Debian bookworm with python3 and g++ (debootstrap, a few minutes)"}
)

// BuildValidator builds ValidatorImage(): the Debian + python3 + g++ base (debootstrap, then an
// image import) unless it exists, then the harness layer. Never from a registry.
func BuildValidator(ctx context.Context, c apiClient, opt BuildOptions) (string, error) {
	progress := opt.Progress
	if progress == nil {
		progress = io.Discard
	}
	old := imageIDOrEmpty(ctx, c, ValidatorImage())
	if err := ensureRootfs(ctx, c, validatorBase, opt.Rebuild, progress); err != nil {
		return "", err
	}
	rootfs := ValidatorRootfsImage()
	fmt.Fprintf(progress, "building %s\n", ValidatorImage())
	buildCtx, err := tarFiles(map[string][]byte{"Dockerfile": pyrunner.DockerfileValidator, "harness.py": pyrunner.Harness})
	if err != nil {
		return "", err
	}
	resp, err := c.ImageBuild(ctx, buildCtx, build.ImageBuildOptions{
		Tags:        []string{ValidatorImage()},
		Labels:      map[string]string{labelHarness: pyrunner.ValidatorDigest()},
		BuildArgs:   map[string]*string{"ROOTFS": &rootfs},
		Remove:      true,
		ForceRemove: true,
		NetworkMode: "none",
		Version:     build.BuilderV1,
	})
	if err != nil {
		return "", fmt.Errorf("build validator image: %v: %w", err, judge.ErrUnavailable)
	}
	defer resp.Body.Close()
	if err := streamMessages(resp.Body, progress); err != nil {
		return "", fmt.Errorf("build validator image: %v: %w", err, judge.ErrUnavailable)
	}
	id, err := ImageID(ctx, c, ValidatorImage())
	if err != nil {
		return "", err
	}
	if old != "" && old != id {
		_, _ = c.ImageRemove(ctx, old, image.RemoveOptions{PruneChildren: true})
	}
	return id, nil
}

func ensureRootfs(ctx context.Context, c apiClient, b base, rebuild bool, progress io.Writer) error {
	if !rebuild {
		if _, err := c.ImageInspect(ctx, b.ref); err == nil {
			fmt.Fprintf(progress, "base image %s exists\n", b.ref)
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
	fmt.Fprintf(progress, "making %s\n", b.what)
	cmd := exec.CommandContext(ctx, "bash", script, out)
	cmd.Stdout, cmd.Stderr = progress, progress
	if b.packages != "" {
		cmd.Env = append(os.Environ(), "PACKAGES="+b.packages)
	}
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("build base image: build-rootfs.sh: %v (it needs root, apt and Debian's mirror): %w", err, judge.ErrUnavailable)
	}
	f, err := os.Open(out)
	if err != nil {
		return fmt.Errorf("build base image: %w", err)
	}
	defer f.Close()
	fmt.Fprintf(progress, "importing %s\n", b.ref)
	rc, err := c.ImageImport(ctx, image.ImportSource{Source: f, SourceName: "-"}, b.ref, image.ImportOptions{
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

// RemoveImages removes every runner and validator image (of any harness) and every base they
// were built on, of any tag (make clean-image): the derived images first, then the bases.
func RemoveImages(ctx context.Context, c apiClient) error {
	var errs []error
	for _, repo := range []string{runnerRepo, validatorRepo, rootfsRepo, validatorRootfsRepo} {
		imgs, err := c.ImageList(ctx, image.ListOptions{Filters: filters.NewArgs(filters.Arg("reference", repo+":*"))})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		for _, img := range imgs {
			for _, ref := range img.RepoTags {
				if _, err := c.ImageRemove(ctx, ref, image.RemoveOptions{PruneChildren: true}); err != nil && !client.IsErrNotFound(err) {
					errs = append(errs, err)
				}
			}
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

// HasValidatorRootfs reports whether the validator image's debootstrap base exists.
func HasValidatorRootfs(ctx context.Context, c apiClient) bool {
	_, err := c.ImageInspect(ctx, ValidatorRootfsImage())
	return err == nil
}

// HasRootfs reports whether the debootstrap base image exists.
func HasRootfs(ctx context.Context, c apiClient) bool {
	_, err := c.ImageInspect(ctx, RootfsImage())
	return err == nil
}
