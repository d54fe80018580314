package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/grade"
	"github.com/judge-dev/judge/judge/report"
	"github.com/judge-dev/judge/judge/similarity"
)

// GradeOptions are the inputs of `judge grade`.
type GradeOptions struct {
	Problem  string
	Paths    []string // files, or folders whose *.py files are submissions
	Parallel int
	JSON     bool
	CSV      bool
	Markdown bool
	All      bool
	// Similarity compares the submissions with each other; SimilarityThreshold is the score
	// from which a pair is listed.
	Similarity          bool
	SimilarityThreshold float64
	// Complexity estimates growth classes on the problem's size ladder.
	Complexity   bool
	LadderBudget int
	// HTML, when set, is a file to write the self-contained HTML report to.
	HTML string
}

func newCmdGrade(f *Factory) *cobra.Command {
	opts := &GradeOptions{}
	cmd := &cobra.Command{
		Use:   "grade <problem> <file or folder>...",
		Short: "Judge many submissions to one problem at once and compare them (interviewers)",
		Long: `Judge many submissions to one problem concurrently, each in its own throwaway container
(from a pool of warm ones, see --pool), and print one line per submission: verdict,
score, tests passed, total CPU, slowest test, and CPU relative to the problem's own first
accepted submission, judged in the same run. A folder stands for the *.py files in it.
With --similarity, also list the pairs of submissions that share code (names, literals,
comments and layout do not count; the problem's starter and shipped solutions are a common
base), with the lines that match: a reason to look, not proof of copying.
Exit 0 when every submission is accepted, 1 otherwise.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usageError("%s takes a problem and at least one file or folder (see %s --help)", cmd.CommandPath(), cmd.CommandPath())
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Problem, opts.Paths = args[0], args[1:]
			return runGrade(cmd.Context(), f, opts)
		},
	}
	cmd.Flags().IntVar(&opts.Parallel, "parallel", runtime.NumCPU(), "submissions judged at once")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print JSON: a row per submission with its full report")
	cmd.Flags().BoolVar(&opts.CSV, "csv", false, "print CSV: a record per submission")
	cmd.Flags().BoolVar(&opts.Markdown, "markdown", false, "print a Markdown table")
	cmd.Flags().BoolVar(&opts.Similarity, "similarity", false, "also list pairs of submissions that share code, with the matching lines")
	cmd.Flags().Float64Var(&opts.SimilarityThreshold, "similarity-threshold", similarity.DefaultThreshold, "score (0-1] from which --similarity lists a pair")
	cmd.Flags().BoolVar(&opts.Complexity, "complexity", false, "also estimate each AC/TLE submission's growth class (and the reference's) from CPU times on the problem's size ladder")
	ladderBudgetFlag(cmd, &opts.LadderBudget)
	cmd.Flags().StringVar(&opts.HTML, "html", "", "also write a self-contained HTML report (tables, CPU charts, ladder plots, lint, similar pairs) to this file")
	allFlag(cmd, &opts.All)
	poolFlag(cmd, f)
	return cmd
}

func runGrade(ctx context.Context, f *Factory, opts *GradeOptions) error {
	write, err := gradeWriter(opts)
	if err != nil {
		return err
	}
	var sim *similarity.Options
	if opts.Similarity {
		if opts.SimilarityThreshold <= 0 || opts.SimilarityThreshold > 1 {
			return usageError("--similarity-threshold must be above 0 and at most 1, not %g", opts.SimilarityThreshold)
		}
		sim = &similarity.Options{Threshold: opts.SimilarityThreshold}
	}
	if opts.LadderBudget < 1 {
		return usageError("--ladder-budget must be at least 1, not %d", opts.LadderBudget)
	}
	p, err := f.Problem(opts.Problem)
	if err != nil {
		return err
	}
	if opts.Complexity {
		// Before a sandbox is started; Batch checks it again for its other callers.
		if err := judge.NeedLadder(p); err != nil {
			return fmt.Errorf("grade --complexity: %w", err)
		}
	}
	files, err := submissionFiles(opts.Paths)
	if err != nil {
		return err
	}
	sb, err := f.WarmSandbox(ctx, p)
	if err != nil {
		return err
	}
	if _, err := f.Validators(ctx, p); err != nil {
		return err
	}
	items := make([]grade.Item, len(files))
	for i, name := range displayNames(files) {
		s, err := readSubmission(files[i])
		items[i] = grade.Item{Name: name, Submission: s, Err: err}
	}
	g := f.Grader(sb, opts.Parallel)
	prog := newGradeProgress(f, p.ID, len(files))
	b, err := g.Batch(ctx, p, items, grade.Options{
		All:        opts.All,
		Similarity: sim,
		Complexity: opts.Complexity, LadderBudget: opts.LadderBudget,
		Progress: prog.done,
		Warn:     func(msg string) { fmt.Fprintf(f.IO.ErrOut, "warning: %s\n", msg) },
	})
	prog.finish()
	if err != nil {
		return err
	}
	if err := write(f, b); err != nil {
		return err
	}
	if opts.HTML != "" {
		if err := writeHTML(opts.HTML, b); err != nil {
			return err
		}
	}
	for _, e := range b.Entries {
		if e.Report == nil || e.Report.Verdict != judge.Accepted {
			return errNotAccepted
		}
	}
	return nil
}

func gradeWriter(opts *GradeOptions) (func(*Factory, report.Batch) error, error) {
	type format struct {
		on    bool
		write func(*Factory, report.Batch) error
	}
	formats := []format{
		{opts.JSON, func(f *Factory, b report.Batch) error { return report.GradeJSON(f.IO.Out, b) }},
		{opts.CSV, func(f *Factory, b report.Batch) error { return report.GradeCSV(f.IO.Out, b) }},
		{opts.Markdown, func(f *Factory, b report.Batch) error { return report.GradeMarkdown(f.IO.Out, b) }},
	}
	write := func(f *Factory, b report.Batch) error { return report.GradeText(f.IO.Out, b) }
	n := 0
	for _, fm := range formats {
		if fm.on {
			write = fm.write
			n++
		}
	}
	if n > 1 {
		return nil, usageError("--json, --csv and --markdown exclude each other")
	}
	return write, nil
}

// writeHTML writes the HTML report to path, replacing it only when complete.
func writeHTML(path string, b report.Batch) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".judge-report-*.html")
	if err != nil {
		return fmt.Errorf("grade: --html: %v: %w", err, judge.ErrBadInput)
	}
	defer os.Remove(tmp.Name())
	if err := report.GradeHTML(tmp, b); err != nil {
		tmp.Close()
		return fmt.Errorf("grade: --html: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("grade: --html: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("grade: --html: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("grade: --html: %v: %w", err, judge.ErrBadInput)
	}
	return nil
}

// submissionFiles expands the arguments: a file is itself, a folder its *.py files, sorted.
func submissionFiles(args []string) ([]string, error) {
	var files []string
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("grade: %v: %w", err, judge.ErrBadInput)
		}
		if !st.IsDir() {
			add(a)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(a, "*.py"))
		if err != nil {
			return nil, fmt.Errorf("grade: %s: %v: %w", a, err, judge.ErrBadInput)
		}
		sort.Strings(matches)
		for _, m := range matches {
			add(m)
		}
	}
	if len(files) == 0 {
		return nil, usageError("grade: no submissions: the folder(s) hold no *.py file")
	}
	return files, nil
}

// displayNames drops the folder all files share, so the table shows what tells them apart.
func displayNames(files []string) []string {
	names := make([]string, len(files))
	dir := filepath.Dir(files[0])
	for _, f := range files {
		if filepath.Dir(f) != dir {
			copy(names, files)
			return names
		}
	}
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	return names
}

// gradeProgress shows how far a batch is: a redrawn line on a terminal, else a line per
// submission.
type gradeProgress struct {
	f        *Factory
	problem  string
	total, n int
	counts   map[string]int
}

func newGradeProgress(f *Factory, problem string, total int) *gradeProgress {
	return &gradeProgress{f: f, problem: problem, total: total, counts: map[string]int{}}
}

// done records one finished submission; the grader serialises calls.
func (g *gradeProgress) done(file, verdict string) {
	g.n++
	g.counts[verdict]++
	if !g.f.IO.Terminal {
		fmt.Fprintf(g.f.IO.ErrOut, "  [%d/%d] %-4s %s\n", g.n, g.total, verdict, file)
		return
	}
	var parts []string
	for _, v := range []string{"AC", "WA", "TLE", "MLE", "RE", "OLE", "CE", "IE", "ERR"} {
		if c := g.counts[v]; c > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", v, c))
		}
	}
	fmt.Fprintf(g.f.IO.ErrOut, "\r\033[K  grading %s: %d/%d judged (%s)", g.problem, g.n, g.total, strings.Join(parts, ", "))
}

func (g *gradeProgress) finish() {
	if g.f.IO.Terminal {
		fmt.Fprint(g.f.IO.ErrOut, "\r\033[K")
	}
}
