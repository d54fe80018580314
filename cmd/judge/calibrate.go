package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/report"
)

// CalibrateOptions are the inputs of `judge calibrate`.
type CalibrateOptions struct {
	Problems []string
	Force    bool
	JSON     bool
}

func newCmdCalibrate(f *Factory) *cobra.Command {
	opts := &CalibrateOptions{}
	cmd := &cobra.Command{
		Use:   "calibrate [problem...]",
		Short: "Measure the problems' time limits on this machine (run, grade and verify do it lazily)",
		Long: `A time limit is meant for the machine that judges. calibrate runs each problem's accepted
submissions in the sandbox on this machine, 3 times each, one run per core at once (the
load of grade and verify), takes each test's median CPU time, and sets the effective
limit to max(declared, 3 x the slowest accepted test), rounded up to 0.1 s. The result
is cached per runner image, harness, machine and problem version (under $JUDGE_CACHE_DIR,
default ~/.cache/judge); run, grade and verify calibrate what they need the first time
and say so. --declared-limits (any command) judges with the declared limits exactly.
With no arguments, every problem; --force measures again.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Problems = args
			return runCalibrate(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Force, "force", false, "measure again even when a calibration is cached")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the calibrations as JSON")
	poolFlag(cmd, f)
	return cmd
}

func runCalibrate(ctx context.Context, f *Factory, opts *CalibrateOptions) error {
	probs, err := f.ProblemList(opts.Problems)
	if err != nil {
		return err
	}
	sb, err := f.WarmSandbox(ctx, probs...)
	if err != nil {
		return err
	}
	c, err := f.Calibrator(ctx, sb)
	if err != nil {
		return err
	}
	if f.IO.Terminal && !opts.JSON {
		c.Progress = func(problem string, done, total int) {
			fmt.Fprintf(f.IO.ErrOut, "\r\033[K  calibrating %s: %d/%d runs", problem, done, total)
		}
	}
	var cals []*judge.Calibration
	var fresh []bool
	for _, p := range probs {
		var cal *judge.Calibration
		cached := false
		if opts.Force {
			cal, err = c.Measure(ctx, p)
			if err == nil {
				err = c.Cache.Store(cal)
			}
		} else {
			cal, cached, err = c.Calibrate(ctx, p)
		}
		if f.IO.Terminal && !opts.JSON {
			fmt.Fprint(f.IO.ErrOut, "\r\033[K")
		}
		if err != nil {
			return err
		}
		if !opts.JSON {
			how := "measured"
			if cached {
				how = "cached"
			}
			fmt.Fprintf(f.IO.ErrOut, "  %-26s %s (%s)\n", p.ID, cal.Limit(), how)
		}
		cals = append(cals, cal)
		fresh = append(fresh, !cached)
	}
	if opts.JSON {
		return report.JSON(f.IO.Out, cals)
	}
	fmt.Fprintf(f.IO.Out, "\n%-26s %9s %11s %-34s %10s  %s\n", "PROBLEM", "DECLARED", "SLOWEST AC", "SLOWEST TEST", "EFFECTIVE", "")
	for i, cal := range cals {
		how := "cached " + cal.At.Local().Format("2006-01-02 15:04")
		if fresh[i] {
			how = "measured now"
		}
		if cal.Note != "" {
			how = cal.Note
		}
		fmt.Fprintf(f.IO.Out, "%-26s %7.0fms %9.0fms %-34s %8.0fms  %s\n", cal.Problem,
			ms(cal.Declared.Seconds()), ms(cal.Slowest.Seconds()), cal.SlowestTest, ms(cal.Effective.Seconds()), how)
	}
	return nil
}

func ms(seconds float64) float64 { return seconds * 1000 }
