package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/similarity"
)

// Batch is many submissions to one problem judged in one run (judge grade).
type Batch struct {
	Problem string
	// Reference is the problem's first accepted submission, judged in the same run: times are
	// given relative to its total CPU. Nil when the problem ships none.
	Reference     *judge.Report
	ReferencePath string
	// NoReference says why there is no reference when it is not that the package ships none
	// (the server's exports judge none).
	NoReference string
	// TimeLimit is the limit every submission was judged with, and how it was derived.
	TimeLimit *judge.TimeLimit
	Entries   []Entry
	// Similarity compares the submissions with each other; nil when not asked for.
	Similarity *similarity.Result
	// Ladder describes the complexity estimates of the entries (Entry.Complexity) and holds the
	// reference's; nil when not asked for.
	Ladder *judge.LadderSummary
}

// Entry is one submission of a batch: its report, or why it could not be judged.
type Entry struct {
	Path   string
	Report *judge.Report
	Error  string // a file that is not a judgeable solution (empty, not UTF-8, ...)
	// Complexity is the estimate from the ladder (judge grade --complexity); nil when not
	// measured.
	Complexity *judge.Complexity
}

// Row is one submission's line, the same in every format.
type Row struct {
	Submission    string  `json:"submission"`
	Verdict       string  `json:"verdict"`
	Score         float64 `json:"score"`
	Passed        int     `json:"passed"`
	Total         int     `json:"total"`
	CPUMillis     float64 `json:"cpu_ms"`
	SlowestTest   string  `json:"slowest_test,omitempty"`
	SlowestMillis float64 `json:"slowest_ms"`
	// RelativeCPU is the total CPU over the reference's; absent without a reference, or when
	// the submission did not run its tests (CE, a file that could not be judged).
	RelativeCPU *float64 `json:"relative_cpu,omitempty"`
	// Complexity is the estimate from the size ladder; absent when not measured.
	Complexity *judge.Complexity `json:"complexity,omitempty"`
	// LintFindings counts the linter's findings (advisory); absent when no linter ran.
	LintFindings *int          `json:"lint_findings,omitempty"`
	Message      string        `json:"message,omitempty"`
	Report       *judge.Report `json:"report,omitempty"`
}

// errVerdict marks a file that could not be judged at all.
const errVerdict = "ERR"

// Rows turns a batch into its lines, in the batch's order.
func Rows(b Batch) []Row {
	rows := make([]Row, 0, len(b.Entries))
	for _, e := range b.Entries {
		r := Row{Submission: e.Path, Verdict: errVerdict, Message: e.Error, Complexity: e.Complexity}
		if rep := e.Report; rep != nil {
			r.Verdict, r.Score, r.Passed, r.Total, r.CPUMillis = rep.Verdict.String(), rep.Score, rep.Passed, rep.Total, rep.CPUMillis
			r.Message, r.Report = rep.Message, rep
			if rep.Lint != nil {
				n := rep.Lint.Total
				r.LintFindings = &n
			}
			if s := rep.Slowest(); s != nil {
				r.SlowestTest, r.SlowestMillis = s.Name, s.CPUMillis
			}
			if b.Reference != nil && b.Reference.CPUMillis > 0 && rep.Verdict != judge.CompileError && len(rep.Tests) > 0 {
				rel := rep.CPUMillis / b.Reference.CPUMillis
				r.RelativeCPU = &rel
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// GradeText writes the batch as a table for a terminal.
func GradeText(w io.Writer, b Batch) error {
	tw := &errWriter{w: w}
	rows := Rows(b)
	subW, slowW := len("SUBMISSION"), len("SLOWEST TEST")
	for _, r := range rows {
		subW = max(subW, min(40, utf8.RuneCountInString(r.Submission)))
		slowW = max(slowW, min(44, utf8.RuneCountInString(slowest(r))))
	}
	tw.printf("%s: %d submission(s)%s\n", b.Problem, len(b.Entries), referenceNote(b))
	if b.TimeLimit != nil {
		tw.printf("time limit %s\n", b.TimeLimit)
	}
	tw.printf("\n")
	tw.printf("%-*s %-7s %5s %7s %9s  %-*s %8s %5s  %s\n", subW, "SUBMISSION", "VERDICT", "SCORE", "PASSED", "CPU ms", slowW, "SLOWEST TEST", "vs REF", "LINT", "NOTE")
	for _, r := range rows {
		line := fmt.Sprintf("%-*s %-7s %5s %7s %9s  %-*s %8s %5s  %s", subW, clip(r.Submission, subW), r.Verdict, score(r), passed(r), cpu(r),
			slowW, clip(slowest(r), slowW), relative(r), lintCount(r), clip(oneLine(r.Message), 60))
		tw.printf("%s\n", strings.TrimRight(line, " "))
	}
	if l := b.Ladder; l != nil {
		tw.printf("\n%s\n", ladderTitle(l))
		tw.printf("  %-*s %s\n", subW, "reference", l.Reference)
		for _, e := range b.Entries {
			if e.Complexity != nil {
				tw.printf("  %-*s %s\n", subW, clip(e.Path, subW), e.Complexity)
			}
		}
	}
	if sim := b.Similarity; sim != nil {
		tw.printf("\n%s\n", similarityTitle(sim))
		for _, p := range sim.Pairs {
			tw.printf("%s ~ %s  %.2f (%s %.0f%%, %s %.0f%%; %d shared fingerprints)\n", p.A, p.B, p.Score,
				p.A, 100*p.AShare, p.B, 100*p.BShare, p.Shared)
			aw := max(utf8.RuneCountInString(p.A), 1)
			for _, m := range p.Matches {
				tw.printf("    %-*s %-11s  %s %s\n", aw, p.A, lineRange(m.A), p.B, lineRange(m.B))
			}
		}
	}
	return tw.err
}

func ladderTitle(l *judge.LadderSummary) string {
	return fmt.Sprintf("complexity from CPU times on the size ladder (n = %s, fastest of %d, %.0f ms a run at most; expected: good %s, naive %s)",
		sizes(l.Sizes), l.Repeats, l.PerRunMS, l.Good, l.Naive)
}

func sizes(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ", ")
}

// similarityTitle says what was compared and how many pairs came out.
func similarityTitle(sim *similarity.Result) string {
	found := "none"
	if n := len(sim.Pairs); n > 0 {
		found = strconv.Itoa(n)
	}
	return fmt.Sprintf("similar pairs: %s of %d at score %.2f or more (common base: the problem's starter and shipped solutions, %d file(s))",
		found, sim.Compared, sim.Threshold, sim.BaseFiles)
}

func lineRange(l similarity.Lines) string {
	if l.From == l.To {
		return fmt.Sprintf("line %d", l.From)
	}
	return fmt.Sprintf("lines %d-%d", l.From, l.To)
}

// GradeJSON writes the batch as one JSON object: the rows, each with its full report.
func GradeJSON(w io.Writer, b Batch) error {
	type ref struct {
		Submission string  `json:"submission"`
		Verdict    string  `json:"verdict"`
		CPUMillis  float64 `json:"cpu_ms"`
	}
	out := struct {
		SchemaVersion int    `json:"schema_version"`
		Problem       string `json:"problem"`
		Reference     *ref   `json:"reference,omitempty"`
		Submissions   []Row  `json:"submissions"`
		// Similarity is added when asked for (--similarity), Ladder with --complexity.
		Similarity *similarity.Result   `json:"similarity,omitempty"`
		Ladder     *judge.LadderSummary `json:"ladder,omitempty"`
	}{SchemaVersion: judge.SchemaVersion, Problem: b.Problem, Submissions: Rows(b), Similarity: b.Similarity, Ladder: b.Ladder}
	if b.Reference != nil {
		out.Reference = &ref{Submission: b.ReferencePath, Verdict: b.Reference.Verdict.String(), CPUMillis: b.Reference.CPUMillis}
	}
	return JSON(w, out)
}

// GradeCSV writes one CSV record per submission after a header.
func GradeCSV(w io.Writer, b Batch) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"submission", "verdict", "score", "passed", "total", "cpu_ms", "slowest_test", "slowest_ms", "relative_cpu", "message", "lint_findings"})
	for _, r := range Rows(b) {
		rel := ""
		if r.RelativeCPU != nil {
			rel = strconv.FormatFloat(*r.RelativeCPU, 'f', 3, 64)
		}
		rec := []string{r.Submission, r.Verdict, strconv.FormatFloat(r.Score, 'f', 4, 64), strconv.Itoa(r.Passed), strconv.Itoa(r.Total),
			strconv.FormatFloat(r.CPUMillis, 'f', 1, 64), r.SlowestTest, strconv.FormatFloat(r.SlowestMillis, 'f', 1, 64), rel, r.Message, ""}
		if r.LintFindings != nil {
			rec[len(rec)-1] = strconv.Itoa(*r.LintFindings)
		}
		if r.Verdict == errVerdict {
			// Nothing was judged: no numbers, rather than zeros a spreadsheet would average.
			rec = []string{r.Submission, r.Verdict, "", "", "", "", "", "", "", r.Message, ""}
		}
		_ = cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

// GradeMarkdown writes the batch as a Markdown table, e.g. for an interview write-up.
func GradeMarkdown(w io.Writer, b Batch) error {
	tw := &errWriter{w: w}
	tw.printf("### %s: %d submission(s)%s\n\n", mdEscape(b.Problem), len(b.Entries), mdEscape(referenceNote(b)))
	if b.TimeLimit != nil {
		tw.printf("Time limit %s.\n\n", mdEscape(b.TimeLimit.String()))
	}
	tw.printf("| Submission | Verdict | Score | Passed | CPU ms | Slowest test | vs ref | Lint | Note |\n")
	tw.printf("|---|---|--:|--:|--:|---|--:|--:|---|\n")
	for _, r := range Rows(b) {
		tw.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", mdEscape(r.Submission), r.Verdict, score(r), passed(r), cpu(r),
			mdEscape(slowest(r)), relative(r), lintCount(r), mdEscape(clip(oneLine(r.Message), 120)))
	}
	if l := b.Ladder; l != nil {
		tw.printf("\n#### %s\n\n| Submission | Complexity |\n|---|---|\n", mdEscape(upperFirst(ladderTitle(l))))
		tw.printf("| reference | %s |\n", mdEscape(l.Reference.String()))
		for _, e := range b.Entries {
			if e.Complexity != nil {
				tw.printf("| %s | %s |\n", mdEscape(e.Path), mdEscape(e.Complexity.String()))
			}
		}
	}
	if sim := b.Similarity; sim != nil {
		tw.printf("\n#### %s\n", mdEscape(upperFirst(similarityTitle(sim))))
		if len(sim.Pairs) > 0 {
			tw.printf("\n| Submission | Submission | Score | Matching lines |\n|---|---|--:|---|\n")
		}
		for _, p := range sim.Pairs {
			var ms []string
			for _, m := range p.Matches {
				ms = append(ms, fmt.Sprintf("%s ↔ %s", lineRange(m.A), lineRange(m.B)))
			}
			tw.printf("| %s | %s | %.2f | %s |\n", mdEscape(p.A), mdEscape(p.B), p.Score, mdEscape(strings.Join(ms, "; ")))
		}
	}
	return tw.err
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func referenceNote(b Batch) string {
	if b.Reference == nil && b.NoReference != "" {
		return "; " + b.NoReference
	}
	if b.Reference == nil {
		return "; no reference solution in the problem package"
	}
	return fmt.Sprintf("; reference %s: %s, cpu %.0f ms", b.ReferencePath, b.Reference.Verdict, b.Reference.CPUMillis)
}

func score(r Row) string {
	if r.Verdict == errVerdict {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*r.Score)
}

func passed(r Row) string {
	if r.Verdict == errVerdict {
		return "-"
	}
	return fmt.Sprintf("%d/%d", r.Passed, r.Total)
}

func cpu(r Row) string {
	if r.Verdict == errVerdict {
		return "-"
	}
	return fmt.Sprintf("%.0f", r.CPUMillis)
}

func slowest(r Row) string {
	if r.SlowestTest == "" {
		return "-"
	}
	return fmt.Sprintf("%s (%.0f ms)", r.SlowestTest, r.SlowestMillis)
}

func lintCount(r Row) string {
	if r.LintFindings == nil {
		return "-"
	}
	return strconv.Itoa(*r.LintFindings)
}

func relative(r Row) string {
	if r.RelativeCPU == nil {
		return "-"
	}
	return fmt.Sprintf("%.2fx", *r.RelativeCPU)
}

// mdEscape keeps a cell inside its table: pipes escaped, no line breaks.
func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "\r", "").Replace(s)
}
