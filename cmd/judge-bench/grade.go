package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// gradeTargets are issue 14's bounds on `judge grade`'s time per submission, as a multiple of
// one bare container lifecycle measured in the same run.
var gradeTargets = map[string]float64{"two-sum": 3, "fibonacci": 1.5}

// gradeRow is one problem's `judge grade` of n copies of its accepted submission.
type gradeRow struct {
	s subject
	n int
	g gradeRun
}

// gradeSection runs `judge grade` (the whole command, as an interviewer runs it, with the
// problems' declared limits) over n copies of each problem's accepted submission.
func gradeSection(ctx context.Context, log io.Writer, bin string, dirs []string, n, workers int) ([]gradeRow, error) {
	bin, err := filepath.Abs(bin)
	if err != nil {
		return nil, err
	}
	var rows []gradeRow
	for _, dir := range dirs {
		row, err := gradeOne(ctx, log, bin, dir, n, workers)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func gradeOne(ctx context.Context, log io.Writer, bin, dir string, n, workers int) (gradeRow, error) {
	s, err := loadSubject(dir)
	if err != nil {
		return gradeRow{}, err
	}
	root, err := filepath.Abs(filepath.Dir(dir))
	if err != nil {
		return gradeRow{}, err
	}
	tmp, err := os.MkdirTemp("", "judge-bench-grade-")
	if err != nil {
		return gradeRow{}, err
	}
	defer os.RemoveAll(tmp)
	subs := filepath.Join(tmp, "subs")
	if _, _, err := writeCopies(subs, s, n); err != nil {
		return gradeRow{}, err
	}
	fmt.Fprintf(log, "  grade: %s, %d copies of %s\n", s.name, n, s.sub.Filename)
	g, err := gradeBench(ctx, bin, root, tmp, s, subs, n, workers)
	if err != nil {
		return gradeRow{}, fmt.Errorf("grade %s: %w", s.name, err)
	}
	return gradeRow{s: s, n: n, g: g}, nil
}

func printGrade(out io.Writer, rows []gradeRow, lifecycle time.Duration) {
	fmt.Fprintf(out, "\njudge grade, the whole command (declared limits), per submission against one bare container lifecycle (the ceiling's p50, %.1f ms)\n", ms(lifecycle))
	fmt.Fprintf(out, "  %-12s %5s %-26s %9s %9s %12s  %s\n", "problem", "subs", "validator", "wall s", "ms/sub", "/ lifecycle", "target")
	for _, r := range rows {
		per := r.g.wall / time.Duration(r.n)
		ratio := ms(per) / ms(lifecycle)
		target, mark := "", fmt.Sprintf("%.2f", ratio)
		if t, ok := gradeTargets[r.s.p.ID]; ok {
			mark = verdict(ratio, func(x float64) bool { return x <= t })
			target = fmt.Sprintf("<= %g (issue 14)", t)
		}
		fmt.Fprintf(out, "  %-12s %5d %-26s %9.2f %9.1f %12s  %s\n", r.s.name, r.n, validatorKind(r.s), r.g.wall.Seconds(), ms(per), mark, target)
		if r.g.errors > 0 {
			fmt.Fprintf(out, "  %s: %d of %d not accepted (exit %s)\n", r.s.name, r.g.errors, r.n, r.g.exit)
		}
	}
}

func validatorKind(s subject) string {
	v := s.p.Validation.Validator
	switch {
	case v == nil:
		return "the checker"
	case v.Function != "":
		return "function " + v.Function + "()"
	case v.Compiled():
		return "program (" + strings.ToUpper(v.Lang) + ")"
	}
	return "program (Python)"
}
