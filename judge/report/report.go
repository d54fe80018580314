// Package report writes judge reports for people and machines: a terminal table, JSON (the
// versioned schema in the README) and JUnit XML for one submission; a table, JSON, CSV and
// Markdown for a graded batch. It formats; it never decides a verdict.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/judge-dev/judge/judge"
)

// JSON writes the report as indented JSON (schema_version judge.SchemaVersion).
func JSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Text writes one line per test and a summary, as `judge run` shows it.
func Text(w io.Writer, r *judge.Report) error {
	tw := &errWriter{w: w}
	if r.Verdict == judge.CompileError {
		tw.printf("%s  %s\n", r.Verdict, r.Verdict.Name())
		tw.printf("%s\n", indent(printable(r.Message), "    "))
		summary(tw, r)
		return tw.err
	}
	tw.printf("%-4s %-34s %-4s %9s %9s %8s\n", "#", "test", "", "cpu ms", "wall ms", "MiB")
	for _, t := range r.Tests {
		if t.Verdict == judge.NotRun {
			// No times: showing 0 ms would say it ran and was fast.
			tw.printf("%-4d %-34s %-4s %9s %9s %8s\n", t.Index+1, clip(t.Name, 34), t.Verdict, "-", "-", "-")
		} else {
			tw.printf("%-4d %-34s %-4s %9.0f %9.0f %8s\n", t.Index+1, clip(t.Name, 34), t.Verdict, t.CPUMillis, t.WallMillis, judge.MiBText(t.MemoryMiB))
		}
		if t.Message != "" && t.Verdict != judge.Accepted {
			tw.printf("     %s\n", clip(oneLine(t.Message), 100))
		}
		if t.Verdict != judge.Accepted && t.Expected != nil {
			diff(tw, t)
		}
	}
	summary(tw, r)
	return tw.err
}

func summary(tw *errWriter, r *judge.Report) {
	tw.printf("\n%s  %s", r.Verdict, r.Verdict.Name())
	if r.Verdict == judge.InternalError && r.Message != "" {
		tw.printf(": %s", r.Message)
	}
	tw.printf("\npassed %d/%d tests", r.Passed, r.Total)
	if r.NotRun > 0 {
		tw.printf(", %d not run", r.NotRun)
	}
	tw.printf(", score %.0f%%, cpu %.0f ms, total %.2f s\n", 100*r.Score, r.CPUMillis, r.WallMillis/1000)
	if r.Points != nil {
		tw.printf("points %s", r.Points)
		for i, g := range r.Points.Groups {
			sep := ", "
			if i == 0 {
				sep = " ("
			}
			tw.printf("%s%s %s", sep, g.Group, judge.Points{Score: g.Score, Max: g.Max})
		}
		if len(r.Points.Groups) > 0 {
			tw.printf(")")
		}
		tw.printf("\n")
	}
	if r.TimeLimit.EffectiveMillis > 0 {
		tw.printf("time limit %s\n", r.TimeLimit)
	}
	if r.Python != "" || r.Image != "" {
		tw.printf("python %s, image %s\n", r.Python, shortID(r.Image))
	}
	if r.Complexity != nil && r.Ladder != nil {
		tw.printf("\n%s\n", ladderTitle(r.Ladder))
		tw.printf("  %-9s %s\n", "this", r.Complexity)
		tw.printf("  %-9s %s\n", "reference", r.Ladder.Reference)
	}
	lint(tw, r.Lint)
}

// lint lists the linter's findings after the summary: advisory, so after the verdict.
func lint(tw *errWriter, l *judge.Lint) {
	if l == nil {
		return
	}
	switch {
	case l.Error != "":
		tw.printf("lint (%s): could not lint: %s\n", l.Tool, clip(oneLine(l.Error), 100))
		return
	case l.Total == 0:
		tw.printf("lint (%s): no findings\n", l.Tool)
		return
	}
	tw.printf("lint (%s, advisory, not part of the verdict): %d finding(s)\n", l.Tool, l.Total)
	for _, f := range l.Findings {
		tw.printf("  line %d: %s\n", f.Line, clip(oneLine(f.Message), 100))
	}
	if more := l.Total - len(l.Findings); more > 0 {
		tw.printf("  ... and %d more\n", more)
	}
}

// diff shows where a revealed or sample test's output went wrong: the first differing line.
func diff(tw *errWriter, t judge.TestResult) {
	if t.Input != nil {
		tw.printf("     input:    %s\n", clip(oneLine(*t.Input), 90))
	}
	exp, act := lines(*t.Expected), []string{}
	if t.Actual != nil {
		act = lines(*t.Actual)
	}
	for i := 0; i < len(exp) || i < len(act); i++ {
		var e, a string
		if i < len(exp) {
			e = exp[i]
		}
		if i < len(act) {
			a = act[i]
		}
		if strings.TrimRight(e, " \r") != strings.TrimRight(a, " \r") || i >= len(exp) || i >= len(act) {
			tw.printf("     line %d:\n       expected: %s\n       actual:   %s\n", i+1, clip(printable(e), 90), clip(printable(a), 90))
			return
		}
	}
}

func lines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func shortID(id string) string {
	id = strings.TrimPrefix(id, "sha256:")
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

func oneLine(s string) string {
	return printable(strings.ReplaceAll(strings.TrimSpace(s), "\n", "⏎"))
}

// printable escapes control and bidi characters but tabs and newlines. A submission's output and
// exception messages reach a person's terminal here: raw, an ANSI sequence could clear the
// screen, print a fake "AC" and hide the real verdict.
func printable(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r != '\t' && r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r))
}

func indent(s, pre string) string {
	return pre + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+pre)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}
