package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/mutation"
	"github.com/judge-dev/judge/judge/report"
	"github.com/judge-dev/judge/judge/verify"
)

// VerifyOptions are the inputs of `judge verify`.
type VerifyOptions struct {
	Problems []string
	JSON     bool
	JUnit    string
	Parallel int
	// Mutants runs the mutation test instead (mutants.go), with the options below.
	Mutants    bool
	WriteTests bool
	MaxMutants int
	Budget     time.Duration
	Inputs     int
}

func newCmdVerify(f *Factory) *cobra.Command {
	opts := &VerifyOptions{}
	cmd := &cobra.Command{
		Use:   "verify [problem...]",
		Short: "Check problem packages: layout, input validation, every submission's verdict, time margins",
		Long: `Verify problem packages, like Kattis' verifyproblem: problem.yaml and layout load; the
input validator accepts every test; every file under submissions/<verdict>/ gets that
verdict (accepted: AC on every test; wrong_answer: some WA and nothing worse;
time_limit_exceeded: TLE even with twice the limit; run_time_error: RE); and the time
limit is at least 2x the slowest accepted test (its calibrated median: CALIBRATED; SLOWEST AC
is this run's). The limit is the one calibrated on this
machine (see judge calibrate; measured first when none is cached), or with
--declared-limits the declared one. With no arguments, every problem.
Exit 0 only when everything holds.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Problems = args
			if opts.Mutants {
				return runMutants(cmd.Context(), f, opts)
			}
			if opts.WriteTests {
				return usageError("verify: --write-tests goes with --mutants")
			}
			return runVerify(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&opts.JUnit, "junit", "", "also write a JUnit XML report to `FILE`")
	cmd.Flags().IntVar(&opts.Parallel, "parallel", runtime.NumCPU(), "submissions judged at once")
	cmd.Flags().BoolVar(&opts.Mutants, "mutants", false, "mutation test: judge first-order mutants of the accepted submissions and triage the survivors")
	cmd.Flags().BoolVar(&opts.WriteTests, "write-tests", false, "with --mutants: write each gap's test into data/secret (gap-NN.in/.ans)")
	cmd.Flags().IntVar(&opts.MaxMutants, "max-mutants", 0, "with --mutants: judge at most `N` mutants per problem, spread over them (0: all)")
	cmd.Flags().DurationVar(&opts.Budget, "budget", mutation.DefaultBudget, "with --mutants: time per problem; what is left is reported as not judged or untriaged")
	cmd.Flags().IntVar(&opts.Inputs, "inputs", mutation.DefaultInputs, "with --mutants: candidate inputs the triage compares survivors on")
	poolFlag(cmd, f)
	return cmd
}

func runVerify(ctx context.Context, f *Factory, opts *VerifyOptions) error {
	probs, err := f.ProblemList(opts.Problems)
	if err != nil {
		return err
	}
	sb, err := f.WarmSandbox(ctx, probs...)
	if err != nil {
		return err
	}
	vs, err := f.Validators(ctx, probs...)
	if err != nil {
		return err
	}
	v := &verify.Verifier{Judge: &judge.Judge{Sandbox: sb, Validators: vs}, Parallel: opts.Parallel}
	if !opts.JSON {
		v.Progress = func(problem string, s verify.Submission) {
			mark := "ok  "
			if !s.OK {
				mark = "FAIL"
			}
			points := ""
			if s.Points != nil {
				points = "  points " + s.Points.String()
			}
			fmt.Fprintf(f.IO.ErrOut, "  %s %-22s %-52s want %-3s got %-3s slowest %6.0f ms%s\n", mark, problem, s.Path, s.Expected, s.Got, s.SlowestMillis, points)
		}
	}
	var results []*verify.Result
	var suites []report.JUnitSuite
	allOK := true
	for _, p := range probs {
		// The package's accepted submissions set the limit here; one that fails even with ten
		// times the declared limit is a finding of verify, not a reason to stop.
		q, calErr := f.TimeLimited(ctx, p, sb)
		if calErr != nil {
			if !errors.Is(calErr, judge.ErrBadInput) {
				return calErr
			}
			q = p
		}
		r, err := v.Problem(ctx, q)
		if err != nil {
			return err
		}
		if calErr != nil {
			r.Problems = append(r.Problems, describe(calErr))
			r.OK = false
		}
		results = append(results, r)
		allOK = allOK && r.OK
		suites = append(suites, verifySuite(r))
		if !opts.JSON {
			printVerify(f, r)
		}
	}
	if opts.JSON {
		if err := report.JSON(f.IO.Out, results); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(f.IO.Out, "\n%-26s %5s %8s %9s %11s %11s %7s  %s\n", "PROBLEM", "TESTS", "DECLARED", "LIMIT", "CALIBRATED", "SLOWEST AC", "MARGIN", "RESULT")
		for _, r := range results {
			res := "ok"
			if !r.OK {
				res = "FAIL"
			}
			cal := "-"
			if r.TimeLimit.Source == "calibrated" {
				cal = fmt.Sprintf("%.0fms", r.TimeLimit.SlowestAcceptedMillis)
			}
			fmt.Fprintf(f.IO.Out, "%-26s %5d %6.0fms %7.0fms %11s %9.0fms %6.1fx  %s\n", r.Problem, r.Tests, r.TimeLimit.DeclaredMillis, r.LimitMillis, cal, r.SlowestACMillis, r.Margin, res)
		}
	}
	if opts.JUnit != "" {
		if err := writeJUnit(opts.JUnit, suites...); err != nil {
			return err
		}
	}
	if !allOK {
		return errNotAccepted
	}
	return nil
}

func printVerify(f *Factory, r *verify.Result) {
	if r.OK {
		return
	}
	fmt.Fprintf(f.IO.Out, "%s FAILED:\n", r.Problem)
	for _, p := range r.Problems {
		fmt.Fprintf(f.IO.Out, "  - %s\n", p)
	}
}

// verifySuite is one JUnit suite per problem: a testcase per check.
func verifySuite(r *verify.Result) report.JUnitSuite {
	rep := &judge.Report{Problem: r.Problem, Verdict: judge.Accepted}
	for i, s := range r.Submissions {
		t := judge.TestResult{Index: i, Name: s.Path, Verdict: judge.Accepted, CPUMillis: s.SlowestMillis}
		if !s.OK {
			t.Verdict = s.Got
			if s.Got == judge.Accepted {
				t.Verdict = judge.WrongAnswer
			}
			t.Message = fmt.Sprintf("expected %s, got %s %s", s.Expected, s.Got, s.Note)
		}
		rep.Tests = append(rep.Tests, t)
	}
	other := []string{}
	for _, p := range r.Problems {
		if !strings.HasPrefix(p, "submissions/") {
			other = append(other, p)
		}
	}
	t := judge.TestResult{Index: len(rep.Tests), Name: "package (inputs, margins, layout)", Verdict: judge.Accepted}
	if len(other) > 0 {
		t.Verdict, t.Message = judge.WrongAnswer, strings.Join(other, "; ")
	}
	rep.Tests = append(rep.Tests, t)
	return report.Suite("verify/"+r.Problem, rep)
}
