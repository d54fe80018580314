package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/problemset"
	"github.com/judge-dev/judge/judge/report"
)

// ProblemsOptions are the inputs of `judge problems`.
type ProblemsOptions struct {
	ID   string
	JSON bool
}

func newCmdProblems(f *Factory) *cobra.Command {
	cmd := &cobra.Command{Use: "problems", Short: "List problems or show one (statement and samples only)"}
	opts := &ProblemsOptions{}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the problems with title, mode, difficulty and limits",
		Args:  exactArgs(0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProblemsList(cmd.Context(), f, opts)
		},
	}
	list.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	show := &cobra.Command{
		Use:   "show <problem>",
		Short: "Show a problem's statement, limits and sample tests (never hidden data)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			return runProblemsShow(cmd.Context(), f, opts)
		},
	}
	cmd.AddCommand(list, show)
	return cmd
}

func runProblemsList(ctx context.Context, f *Factory, opts *ProblemsOptions) error {
	list, err := f.Problems().List()
	if err != nil {
		return err
	}
	limits, why := cachedLimits(ctx, f, list)
	if opts.JSON {
		type row struct {
			ID, Name, Mode, Difficulty string
			TimeSeconds                float64 `json:"time_s"`
			MemoryMiB, OutputMiB       int
			// TimeLimit is the limit judged with on this machine: calibrated, or declared (with
			// the reason); null when this machine has not calibrated the problem yet.
			TimeLimit *judge.TimeLimit `json:"time_limit"`
		}
		rows := []row{}
		for _, s := range list {
			rows = append(rows, row{s.ID, s.Name, string(s.Mode), s.Difficulty, s.Time.Seconds(), s.MemoryMiB, s.OutputMiB, limits[s.ID]})
		}
		return report.JSON(f.IO.Out, rows)
	}
	fmt.Fprintf(f.IO.Out, "%-28s %-34s %-9s %-7s %6s %6s %8s\n", "ID", "TITLE", "MODE", "LEVEL", "TIME", "HERE", "MEMORY")
	for _, s := range list {
		here := "-"
		if l := limits[s.ID]; l != nil {
			here = fmt.Sprintf("%.1fs", l.EffectiveMillis/1000)
		}
		fmt.Fprintf(f.IO.Out, "%-28s %-34s %-9s %-7s %5gs %6s %5d MiB\n", s.ID, s.Name, s.Mode, s.Difficulty, s.Time.Seconds(), here, s.MemoryMiB)
	}
	fmt.Fprintf(f.IO.Out, "\nTIME is the declared CPU limit per test; HERE the limit judged with on this machine (%s).\n", why)
	return nil
}

// cachedLimits returns, per problem, the time limit this machine judges it with when that is
// known without judging anything (a cached calibration, or --declared-limits), and says what
// the blanks mean.
func cachedLimits(ctx context.Context, f *Factory, list []problemset.Summary) (map[string]*judge.TimeLimit, string) {
	out := map[string]*judge.TimeLimit{}
	var c *judge.Calibrator
	if !f.DeclaredLimits {
		var err error
		// One calibrator (one engine info call) for the whole list.
		if c, err = f.Calibrator(ctx, nil); err != nil {
			return out, "unknown: " + describe(err)
		}
	}
	for _, s := range list {
		p, err := f.Problem(s.ID)
		if err != nil {
			continue
		}
		if f.DeclaredLimits {
			l := judge.DeclaredLimit(p, "--declared-limits")
			out[s.ID] = &l
			continue
		}
		if cal, err := c.Cached(p); err == nil && cal != nil {
			l := cal.Limit()
			out[s.ID] = &l
		}
	}
	if f.DeclaredLimits {
		return out, "--declared-limits"
	}
	return out, "calibrated; - means not calibrated yet: the first run, grade or verify of it does that, or judge calibrate"
}

func runProblemsShow(_ context.Context, f *Factory, opts *ProblemsOptions) error {
	p, err := f.Problem(opts.ID)
	if err != nil {
		return err
	}
	w := f.IO.Out
	fmt.Fprintf(w, "%s (%s)\nmode %s, difficulty %s, time %gs per test, memory %d MiB, output %d MiB\n\n",
		p.Name, p.ID, p.Mode, p.Difficulty, p.Limits.Time.Seconds(), p.Limits.MemoryMiB, p.Limits.OutputMiB)
	fmt.Fprintln(w, strings.TrimSpace(p.Statement))
	n, hidden := 0, 0
	for _, t := range p.Tests {
		if !t.Sample {
			hidden++
			continue
		}
		n++
		fmt.Fprintf(w, "\n--- sample %d (%s) input ---\n%s", n, t.Name, withNewline(t.Input))
		fmt.Fprintf(w, "--- sample %d expected ---\n%s", n, withNewline(t.Answer))
	}
	fmt.Fprintf(w, "\n%d sample test(s) shown; %d hidden test(s).\n", n, hidden)
	return nil
}

func withNewline(b []byte) string {
	s := string(b)
	if !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return s
}
