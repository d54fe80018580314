package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/mutation"
	"github.com/judge-dev/judge/judge/report"
)

// runMutants is judge verify --mutants: a mutation test per problem, its survivors triaged.
func runMutants(ctx context.Context, f *Factory, opts *VerifyOptions) error {
	var dirs []string
	if opts.WriteTests {
		for _, arg := range opts.Problems {
			d, err := f.ProblemDir(arg)
			if err != nil {
				return err
			}
			dirs = append(dirs, d)
		}
		if len(opts.Problems) == 0 {
			return usageError("verify --write-tests: name the problems to write tests into")
		}
	}
	probs, err := f.ProblemList(opts.Problems)
	if err != nil {
		return err
	}
	sb, err := f.WarmSandbox(ctx, probs...)
	if err != nil {
		return err
	}
	mt := &mutation.Tester{Judge: &judge.Judge{Sandbox: sb}, Parallel: opts.Parallel, MaxMutants: opts.MaxMutants,
		Budget: opts.Budget, Inputs: opts.Inputs}
	if !opts.JSON {
		mt.Progress = func(problem string, done, total int) {
			if f.IO.Terminal {
				fmt.Fprintf(f.IO.ErrOut, "\r  %s: %d/%d mutants judged", problem, done, total)
				if done == total {
					fmt.Fprintln(f.IO.ErrOut)
				}
			}
		}
	}
	var results []*mutation.Result
	var suites []report.JUnitSuite
	gaps := 0
	for i, p := range probs {
		q, err := f.TimeLimited(ctx, p, sb)
		if err != nil {
			return err
		}
		r, err := mt.Problem(ctx, q)
		if err != nil {
			return err
		}
		results = append(results, r)
		suites = append(suites, mutantSuite(r))
		if !opts.JSON {
			printMutants(f, r)
		}
		if opts.WriteTests && len(r.Tests) > 0 {
			names, err := writeGapTests(dirs[i], r.Tests)
			if err != nil {
				return err
			}
			for _, n := range names {
				fmt.Fprintf(f.IO.ErrOut, "%s: wrote %s\n", p.ID, n)
			}
		}
		gaps += r.Gaps
	}
	if opts.JSON {
		if err := report.JSON(f.IO.Out, results); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(f.IO.Out, "\n%-26s %7s %6s %8s %9s %4s %10s %9s\n", "PROBLEM", "MUTANTS", "KILLED", "SURVIVED", "KILL RATE", "GAPS", "EQUIVALENT", "UNTRIAGED")
		for _, r := range results {
			fmt.Fprintf(f.IO.Out, "%-26s %7d %6d %8d %8.1f%% %4d %10d %9d\n", r.Problem, r.Mutants, r.Killed, r.Survived, 100*r.KillRate, r.Gaps, r.Equivalent, r.Untriaged+r.NotJudged)
		}
	}
	if opts.JUnit != "" {
		if err := writeJUnit(opts.JUnit, suites...); err != nil {
			return err
		}
	}
	if gaps > 0 {
		return errNotAccepted
	}
	return nil
}

func printMutants(f *Factory, r *mutation.Result) {
	declared := ""
	if r.Declared > 0 {
		declared = fmt.Sprintf(", %d of them declared by generators/small_inputs.py", r.Declared)
	}
	fmt.Fprintf(f.IO.Out, "%s: %d mutants (of %d made), %d killed, %d survived (kill rate %.1f%%): %d gap(s), %d probably equivalent (compared on %d inputs%s)\n",
		r.Problem, r.Mutants, r.Generated, r.Killed, r.Survived, 100*r.KillRate, r.Gaps, r.Equivalent, r.Inputs, declared)
	for _, n := range r.Notes {
		fmt.Fprintf(f.IO.Out, "  note: %s\n", n)
	}
	for _, s := range r.Survivors {
		fmt.Fprintf(f.IO.Out, "  %-10s %s line %d (%s: %s)\n", strings.ToUpper(s.Class), s.Origin, s.Line, s.Operator, s.What)
		for _, l := range strings.Split(strings.TrimRight(s.Diff, "\n"), "\n") {
			if strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+") {
				if !strings.HasPrefix(l, "---") && !strings.HasPrefix(l, "+++") {
					fmt.Fprintf(f.IO.Out, "             %s\n", l)
				}
			}
		}
		if s.Class == mutation.Gap {
			fmt.Fprintf(f.IO.Out, "             smallest input that tells it apart: %s\n", oneLine(s.Input))
			fmt.Fprintf(f.IO.Out, "             reference: %s   mutant: %s\n", oneLine(s.Answer), oneLine(s.Got))
		}
	}
	for _, t := range r.Tests {
		fmt.Fprintf(f.IO.Out, "  suggested test: %s -> %s\n", oneLine(t.Input), oneLine(t.Answer))
	}
}

func oneLine(s string) string {
	s = strings.TrimRight(s, "\n")
	s = strings.ReplaceAll(s, "\n", `\n`)
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// mutantSuite is one JUnit suite per problem: a testcase per survivor (a gap fails, an
// equivalent one passes, an untriaged one is skipped) and one for the kill count.
func mutantSuite(r *mutation.Result) report.JUnitSuite {
	rep := &judge.Report{Problem: r.Problem, Verdict: judge.Accepted}
	rep.Tests = append(rep.Tests, judge.TestResult{Index: 0, Name: fmt.Sprintf("%d of %d mutants killed", r.Killed, r.Mutants), Verdict: judge.Accepted})
	for i, s := range r.Survivors {
		t := judge.TestResult{Index: i + 1, Name: fmt.Sprintf("%s line %d %s: %s", s.Origin, s.Line, s.Operator, s.What), Verdict: judge.Accepted}
		switch s.Class {
		case mutation.Gap:
			t.Verdict = judge.WrongAnswer
			t.Message = fmt.Sprintf("test gap: input %s, reference %s, mutant %s", oneLine(s.Input), oneLine(s.Answer), oneLine(s.Got))
		case mutation.Untriaged:
			// Why is in the notes: the budget, or no input to compare on.
			t.Verdict, t.Message = judge.NotRun, "not triaged: "+strings.Join(r.Notes, "; ")
		}
		rep.Tests = append(rep.Tests, t)
	}
	return report.Suite("mutants/"+r.Problem, rep)
}

// writeGapTests writes each test into dir/data/secret as gap-NN.in/.ans, numbered after the
// gap tests already there, and returns their names.
func writeGapTests(dir string, tests []mutation.Test) ([]string, error) {
	secret := filepath.Join(dir, "data", "secret")
	if err := os.MkdirAll(secret, 0o755); err != nil {
		return nil, fmt.Errorf("write tests: %w", err)
	}
	var names []string
	n := 1
	for _, t := range tests {
		for {
			name := fmt.Sprintf("gap-%02d", n)
			if _, err := os.Stat(filepath.Join(secret, name+".in")); errors.Is(err, os.ErrNotExist) {
				break
			}
			n++
		}
		name := fmt.Sprintf("gap-%02d", n)
		if err := os.WriteFile(filepath.Join(secret, name+".in"), []byte(t.Input), 0o644); err != nil {
			return nil, fmt.Errorf("write tests: %w", err)
		}
		// The answer is the reference's output as it is: some problems compare it exactly.
		if err := os.WriteFile(filepath.Join(secret, name+".ans"), []byte(t.Answer), 0o644); err != nil {
			return nil, fmt.Errorf("write tests: %w", err)
		}
		names = append(names, filepath.Join("data", "secret", name+".in"))
	}
	return names, nil
}
