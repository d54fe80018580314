package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
)

// InitOptions are the inputs of `judge init`.
type InitOptions struct {
	Problem string
	File    string
	Force   bool
}

func newCmdInit(f *Factory) *cobra.Command {
	opts := &InitOptions{}
	cmd := &cobra.Command{
		Use:   "init <problem> [file]",
		Short: "Write the problem's starter template to a file (default <problem>.py)",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 1 || len(args) > 2 {
				return usageError("init takes a problem and an optional file name")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Problem = args[0]
			if len(args) == 2 {
				opts.File = args[1]
			}
			return runInit(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite an existing file")
	return cmd
}

func runInit(_ context.Context, f *Factory, opts *InitOptions) error {
	p, err := f.Problem(opts.Problem)
	if err != nil {
		return err
	}
	if len(p.Starter) == 0 {
		return fmt.Errorf("init %s: the problem has no starter.py: %w", p.ID, judge.ErrBadInput)
	}
	file := opts.File
	if file == "" {
		file = strings.ReplaceAll(p.ID, "-", "_") + ".py"
	}
	flag := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if opts.Force {
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	fh, err := os.OpenFile(file, flag, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("init: %s exists; pass --force to overwrite it: %w", file, judge.ErrBadInput)
	}
	if err != nil {
		return fmt.Errorf("init: %v: %w", err, judge.ErrBadInput)
	}
	if _, err := fh.Write(p.Starter); err != nil {
		fh.Close()
		return err
	}
	if err := fh.Close(); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.Out, "wrote %s; judge it with: judge run %s %s\n", file, p.ID, file)
	return nil
}
