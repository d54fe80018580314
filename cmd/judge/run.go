package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/report"
)

// RunOptions are the inputs of `judge run`.
type RunOptions struct {
	Problem  string
	File     string
	JSON     bool
	JUnit    string
	Reveal   bool
	All      bool
	Progress bool
	// Complexity estimates the submission's growth class, and the reference's, on the problem's
	// size ladder; on by default with --reveal when the problem has a ladder.
	Complexity bool
	// LadderBudget is how many times the time limit one run of a rung may take.
	LadderBudget int
}

func newCmdRun(f *Factory) *cobra.Command {
	opts := &RunOptions{}
	cmd := &cobra.Command{
		Use:   "run <problem> <solution.py>",
		Short: "Judge one solution against the problem's sample and hidden tests",
		Long: `Judge one solution. <problem> is a problem id (see 'judge problems list') or a path to a
problem directory. Sample tests show input, expected and actual output; hidden tests
show verdict, time and memory only, unless --reveal (for interviewers).

With --reveal or --complexity, an accepted or time-limit-exceeded solution is also run on the
problem's size ladder, and so is the problem's reference solution, to estimate both growth
classes from CPU times (advisory; a few seconds more).`,
		Args: exactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Problem, opts.File = args[0], args[1]
			return runRun(cmd.Context(), f, opts, cmd.Flags().Changed("complexity"))
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the report as JSON (schema in the README)")
	cmd.Flags().StringVar(&opts.JUnit, "junit", "", "also write a JUnit XML report to `FILE`")
	cmd.Flags().BoolVar(&opts.Reveal, "reveal", false, "show hidden tests' input, expected and actual output (interviewers)")
	cmd.Flags().BoolVar(&opts.Complexity, "complexity", false, "also estimate the solution's growth class (and the reference's) from CPU times on the problem's size ladder (default with --reveal when the problem has one)")
	ladderBudgetFlag(cmd, &opts.LadderBudget)
	allFlag(cmd, &opts.All)
	return cmd
}

// ladderBudgetFlag is --ladder-budget on the commands that estimate complexity.
func ladderBudgetFlag(cmd *cobra.Command, budget *int) {
	cmd.Flags().IntVar(budget, "ladder-budget", judge.LadderBudget, "with --complexity: one run of a ladder rung may take this many times the time limit (more lets a slow submission climb higher)")
}

// runRun judges; complexitySet says --complexity was given, not left to follow --reveal.
func runRun(ctx context.Context, f *Factory, opts *RunOptions, complexitySet bool) error {
	if opts.LadderBudget < 1 {
		return usageError("--ladder-budget must be at least 1, not %d", opts.LadderBudget)
	}
	p, err := f.Problem(opts.Problem)
	if err != nil {
		return err
	}
	climb := opts.Reveal && p.Ladder != nil
	if complexitySet {
		climb = opts.Complexity
	}
	if complexitySet && climb {
		// Asked for by name: no ladder is an error, before any container starts.
		if err := judge.NeedLadder(p); err != nil {
			return fmt.Errorf("run --complexity: %w", err)
		}
	}
	sub, err := readSubmission(opts.File)
	if err != nil {
		return err
	}
	// Check the source before any container exists.
	if err := judge.CheckSource(sub); err != nil {
		return err
	}
	sb, err := f.Sandbox(ctx)
	if err != nil {
		return err
	}
	vs, err := f.Validators(ctx, p)
	if err != nil {
		return err
	}
	if p, err = f.TimeLimited(ctx, p, sb); err != nil {
		return err
	}
	j := &judge.Judge{Sandbox: sb, Validators: vs}
	jo := judge.Options{Reveal: opts.Reveal, All: opts.All}
	if f.IO.Terminal {
		jo.Progress = func(done, total int, t judge.TestResult) {
			fmt.Fprintf(f.IO.ErrOut, "\r\033[K  judging %s: %d/%d tests (last: %s %s)", p.ID, done, total, t.Name, t.Verdict)
		}
	}
	rep, err := j.Judge(ctx, p, sub, jo)
	if f.IO.Terminal {
		fmt.Fprint(f.IO.ErrOut, "\r\033[K")
	}
	if err != nil {
		return err
	}
	if climb && judge.Measured(rep.Verdict) {
		if f.IO.Terminal {
			fmt.Fprintf(f.IO.ErrOut, "  climbing %s's size ladder with the solution and the reference...", p.ID)
		}
		g := &grade.Grader{Sandbox: sb}
		rep.Complexity, rep.Ladder, err = g.Beside(ctx, p, sub, opts.LadderBudget, 2)
		if f.IO.Terminal {
			fmt.Fprint(f.IO.ErrOut, "\r\033[K")
		}
		if err != nil {
			return fmt.Errorf("complexity: %w", err)
		}
	}
	if opts.JUnit != "" {
		if err := writeJUnit(opts.JUnit, report.Suite(p.ID+"/"+sub.Filename, rep)); err != nil {
			return err
		}
	}
	if opts.JSON {
		err = report.JSON(f.IO.Out, rep)
	} else {
		err = report.Text(f.IO.Out, rep)
	}
	if err != nil {
		return err
	}
	return verdictError(rep.Verdict)
}

// allFlag is --all on the commands that judge submissions: it turns off the judging budget.
func allFlag(cmd *cobra.Command, all *bool) {
	cmd.Flags().BoolVar(all, "all", false, "run every test, even after a test over its time or memory limit (no judging budget; can take a limit per test)")
}

func readSubmission(path string) (judge.Submission, error) {
	st, err := os.Stat(path)
	if err != nil {
		return judge.Submission{}, fmt.Errorf("read solution: %v: %w", err, judge.ErrBadInput)
	}
	if !st.Mode().IsRegular() {
		return judge.Submission{}, fmt.Errorf("read solution %s: not a regular file: %w", path, judge.ErrBadInput)
	}
	if st.Size() > 4*judge.MaxSourceBytes {
		return judge.Submission{}, fmt.Errorf("read solution %s: %d bytes is over the %d KiB limit for a solution: %w", path, st.Size(), judge.MaxSourceBytes>>10, judge.ErrBadInput)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return judge.Submission{}, fmt.Errorf("read solution: %v: %w", err, judge.ErrBadInput)
	}
	return judge.Submission{Filename: filepath.Base(path), Source: b}, nil
}

func writeJUnit(path string, suites ...report.JUnitSuite) error {
	fh, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write JUnit report: %v: %w", err, judge.ErrBadInput)
	}
	if err := report.JUnit(fh, suites...); err != nil {
		fh.Close()
		return fmt.Errorf("write JUnit report: %w", err)
	}
	return fh.Close()
}
