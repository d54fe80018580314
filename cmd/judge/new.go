package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/scaffold"
)

// NewOptions are the inputs of `judge new`.
type NewOptions struct {
	ID       string
	Dir      string // parent folder; default: --problems, or the current folder
	Function string
	Stdio    bool
}

func newCmdNew(f *Factory) *cobra.Command {
	opts := &NewOptions{}
	cmd := &cobra.Command{
		Use:   "new <id> [--function 'name(param, ...)' | --stdio]",
		Short: "Scaffold a problem package, ready for judge verify",
		Long: `Scaffold a problem package in the judge's format under --dir (default: --problems, else the
current folder): problem.yaml with limits, a statement with the sections of the shipped
problems, a starter, data/sample and data/secret, a seeded generator, an input validator and
submissions/accepted, wrong_answer and time_limit_exceeded.

The files hold a small placeholder problem that passes judge verify as it is, and TODO
markers where your own problem goes; judge new lists the files to fill in.

--function 'two_sum(nums, target)' makes a function-mode problem (each parameter JSON, or
'head: ListNode', 'root: TreeNode'); --stdio (the default) a stdin/stdout one.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if opts.Stdio && opts.Function != "" {
				return usageError("new: --function and --stdio exclude each other")
			}
			if opts.Dir == "" {
				opts.Dir = f.ProblemsDir
			}
			return runNew(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().StringVar(&opts.Function, "function", "", "function-mode problem: `name(param, ...)`")
	cmd.Flags().BoolVar(&opts.Stdio, "stdio", false, "stdin/stdout problem (the default)")
	cmd.Flags().StringVar(&opts.Dir, "dir", "", "folder to create the package in (default: --problems, else .)")
	return cmd
}

func runNew(_ context.Context, f *Factory, opts *NewOptions) error {
	files, err := scaffold.Files(scaffold.Spec{ID: opts.ID, Function: opts.Function})
	if err != nil {
		return err
	}
	parent := opts.Dir
	if parent == "" {
		parent = "."
	}
	root := filepath.Join(parent, opts.ID)
	if err := os.Mkdir(root, 0o755); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("new: %s exists: %w", root, judge.ErrBadInput)
		}
		return fmt.Errorf("new: %v: %w", err, judge.ErrBadInput)
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		dst := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return fmt.Errorf("new: %w", err)
		}
		if err := os.WriteFile(dst, []byte(files[p]), 0o644); err != nil {
			return fmt.Errorf("new: %w", err)
		}
	}
	fmt.Fprintf(f.IO.Out, "created %s (%d files): a placeholder problem that passes judge verify as it is.\n", root, len(files))
	fmt.Fprintln(f.IO.Out, "Replace the placeholder (look for TODO) in:")
	for _, p := range scaffold.ToFill(files) {
		fmt.Fprintf(f.IO.Out, "  %s\n", p)
	}
	fmt.Fprintf(f.IO.Out, "then: python3 %s   # writes data/ from your generator\n", filepath.Join(root, "generators", "generate.py"))
	fmt.Fprintf(f.IO.Out, "      judge verify %s && judge verify --mutants %s\n", pathArg(root), pathArg(root))
	return nil
}

// pathArg makes a package path read as a path, not an id, on the command line.
func pathArg(p string) string {
	if filepath.IsAbs(p) || len(p) > 0 && p[0] == '.' {
		return p
	}
	return "." + string(filepath.Separator) + p
}
