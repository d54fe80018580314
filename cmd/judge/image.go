package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge/docker"
)

// ImageOptions are the inputs of `judge image`.
type ImageOptions struct {
	FromRegistry bool
	Rebuild      bool
	Validator    bool
}

func newCmdImage(f *Factory) *cobra.Command {
	cmd := &cobra.Command{Use: "image", Short: "Build or remove the runner image"}
	opts := &ImageOptions{}
	build := &cobra.Command{
		Use:   "build",
		Short: "Build the runner image (Debian bookworm + python3 + harness) without a registry",
		Long: `Build the runner image. By default the base is made from Debian packages with
debootstrap (needs root and access to Debian's mirror; about 70 s) and imported
through the Engine API; then the harness layer is built on top (seconds). With
--from-registry, runner-images/python/Dockerfile is built instead (FROM
debian:bookworm-slim; needs an engine that can pull).`,
		Args: exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error { return runImageBuild(cmd.Context(), f, opts) },
	}
	build.Flags().BoolVar(&opts.FromRegistry, "from-registry", false, "build the standard Dockerfile (pulls debian:bookworm-slim)")
	build.Flags().BoolVar(&opts.Rebuild, "rebuild", false, "make the debootstrap base again even if it exists")
	build.Flags().BoolVar(&opts.Validator, "validator", false, "build the validator image instead (g++ and the harness: compiles and runs C/C++ output validators)")
	rm := &cobra.Command{
		Use:   "rm",
		Short: "Remove the runner, validator and base images",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := f.Docker(cmd.Context())
			if err != nil {
				return err
			}
			return docker.RemoveImages(cmd.Context(), c)
		},
	}
	status := &cobra.Command{
		Use:   "status",
		Short: "Say whether the runner (or validator) image is built and current (exit 0) or not (exit 3)",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := f.Docker(cmd.Context())
			if err != nil {
				return err
			}
			ref := f.Image
			if opts.Validator {
				ref = docker.ValidatorImage()
			}
			id, err := docker.ImageID(cmd.Context(), c, ref)
			if err != nil {
				return err
			}
			fmt.Fprintf(f.IO.Out, "%s %s\n", ref, id)
			return nil
		},
	}
	status.Flags().BoolVar(&opts.Validator, "validator", false, "the validator image instead")
	cmd.AddCommand(build, rm, status)
	return cmd
}

func runImageBuild(ctx context.Context, f *Factory, opts *ImageOptions) error {
	c, err := f.Docker(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	if opts.Validator {
		if opts.FromRegistry {
			return usageError("--validator is built from Debian packages only, not --from-registry")
		}
		id, err := docker.BuildValidator(ctx, c, docker.BuildOptions{Rebuild: opts.Rebuild, Progress: f.IO.ErrOut})
		if err != nil {
			return err
		}
		fmt.Fprintf(f.IO.Out, "built %s (%s) in %.0f s\n", docker.ValidatorImage(), id, time.Since(start).Seconds())
		return nil
	}
	id, err := docker.Build(ctx, c, docker.BuildOptions{FromRegistry: opts.FromRegistry, Rebuild: opts.Rebuild, Progress: f.IO.ErrOut})
	if err != nil {
		return err
	}
	fmt.Fprintf(f.IO.Out, "built %s (%s) in %.0f s\n", docker.RunnerImage(), id, time.Since(start).Seconds())
	return nil
}
