package report_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/complexity"
	"github.com/judge-dev/judge/judge/report"
	"github.com/judge-dev/judge/judge/similarity"
)

// sampleBatch has fixed timings: an accepted reference, a slower accepted submission, a wrong
// one, a compile error, a file that could not be judged, and names that need escaping.
func sampleBatch() report.Batch {
	ref := &judge.Report{Problem: "two-sum", Submission: "hash_map.py", Verdict: judge.Accepted, Passed: 4, Total: 4, Score: 1, CPUMillis: 40,
		Tests: []judge.TestResult{
			{Index: 0, Name: "sample/01", Verdict: judge.Accepted, CPUMillis: 10},
			{Index: 1, Name: "secret/big", Verdict: judge.Accepted, CPUMillis: 30},
		}}
	slow := &judge.Report{Problem: "two-sum", Submission: "alice.py", Verdict: judge.Accepted, Passed: 4, Total: 4, Score: 1, CPUMillis: 130,
		Tests: []judge.TestResult{
			{Index: 0, Name: "sample/01", Verdict: judge.Accepted, CPUMillis: 12},
			{Index: 1, Name: "secret/big", Verdict: judge.Accepted, CPUMillis: 118},
		}}
	ce := &judge.Report{Problem: "two-sum", Submission: "carol.py", Verdict: judge.CompileError, Total: 4, Tests: []judge.TestResult{},
		Message: "forbidden: sorted() at line 3"}
	return report.Batch{
		Problem: "two-sum", Reference: ref, ReferencePath: "submissions/accepted/hash_map.py",
		TimeLimit: &judge.TimeLimit{DeclaredMillis: 1000, EffectiveMillis: 1000, Source: "declared", Note: "--declared-limits"},
		Entries: []report.Entry{
			{Path: "alice.py", Report: slow},
			{Path: "bob|pipe.py", Report: sampleReport()},
			{Path: "carol.py", Report: ce},
			{Path: "dave.py", Error: "check source dave.py: the file is empty"},
		},
	}
}

func TestGradeFormats(t *testing.T) {
	cases := []struct {
		name  string
		write func(*bytes.Buffer, report.Batch) error
	}{
		{"text", func(b *bytes.Buffer, g report.Batch) error { return report.GradeText(b, g) }},
		{"json", func(b *bytes.Buffer, g report.Batch) error { return report.GradeJSON(b, g) }},
		{"csv", func(b *bytes.Buffer, g report.Batch) error { return report.GradeCSV(b, g) }},
		{"markdown", func(b *bytes.Buffer, g report.Batch) error { return report.GradeMarkdown(b, g) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, tc.write(&b, sampleBatch()))
			golden(t, "grade."+tc.name, b.Bytes())
		})
	}
	t.Run("no reference", func(t *testing.T) {
		g := sampleBatch()
		g.Reference = nil
		var b bytes.Buffer
		require.NoError(t, report.GradeText(&b, g))
		golden(t, "grade.noref.text", b.Bytes())
	})
}

func TestGradeRows(t *testing.T) {
	rows := report.Rows(sampleBatch())
	require.Len(t, rows, 4)
	cases := []struct {
		name     string
		row      report.Row
		verdict  string
		relative float64 // 0: none
		slowest  string
	}{
		{"slower accepted", rows[0], "AC", 130.0 / 40, "secret/big"},
		{"wrong answer", rows[1], "WA", 61.5 / 40, "secret/02-neg"},
		{"compile error: no tests ran", rows[2], "CE", 0, ""},
		{"not judgeable", rows[3], "ERR", 0, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.verdict, tc.row.Verdict)
			assert.Equal(t, tc.slowest, tc.row.SlowestTest)
			if tc.relative == 0 {
				assert.Nil(t, tc.row.RelativeCPU)
				return
			}
			require.NotNil(t, tc.row.RelativeCPU)
			assert.InDelta(t, tc.relative, *tc.row.RelativeCPU, 1e-9)
		})
	}
	// The CSV is one record per submission, whatever the names hold.
	var b bytes.Buffer
	require.NoError(t, report.GradeCSV(&b, sampleBatch()))
	recs, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	assert.Len(t, recs, 5)
	assert.Equal(t, "bob|pipe.py", recs[2][0])
}

// TestGradeSimilarity: similar pairs come after the table, with their line ranges, in the text,
// JSON and Markdown forms; a batch without them writes no such section (the goldens above).
func TestGradeSimilarity(t *testing.T) {
	g := sampleBatch()
	g.Similarity = &similarity.Result{Threshold: 0.4, K: 10, W: 5, BaseFiles: 12, Compared: 6, Pairs: []similarity.Pair{
		{A: "alice.py", B: "bob|pipe.py", Score: 0.81, AShare: 0.81, BShare: 0.45, Shared: 13, Matches: []similarity.Match{
			{A: similarity.Lines{From: 4, To: 10}, B: similarity.Lines{From: 16, To: 22}},
			{A: similarity.Lines{From: 24, To: 24}, B: similarity.Lines{From: 4, To: 8}},
		}},
	}}
	cases := []struct {
		name  string
		write func(*bytes.Buffer, report.Batch) error
	}{
		{"text", func(b *bytes.Buffer, g report.Batch) error { return report.GradeText(b, g) }},
		{"json", func(b *bytes.Buffer, g report.Batch) error { return report.GradeJSON(b, g) }},
		{"markdown", func(b *bytes.Buffer, g report.Batch) error { return report.GradeMarkdown(b, g) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, tc.write(&b, g))
			golden(t, "grade.similarity."+tc.name, b.Bytes())
		})
	}
	t.Run("none found", func(t *testing.T) {
		g.Similarity.Pairs = nil
		var b bytes.Buffer
		require.NoError(t, report.GradeText(&b, g))
		assert.Contains(t, b.String(), "similar pairs: none of 6 at score 0.40 or more")
	})
}

// TestGradeComplexity: the ladder's estimates come after the table, the reference's first.
func TestGradeComplexity(t *testing.T) {
	g := sampleBatch()
	fit := func(c complexity.Class, r2 float64) *complexity.Fit { return &complexity.Fit{Class: c, R2: r2} }
	pts := []complexity.Point{{N: 1000, Seconds: 0.01}, {N: 2000, Seconds: 0.02}}
	g.Ladder = &judge.LadderSummary{Sizes: []int{1000, 2000, 4000, 8000}, Repeats: 3, Good: "n", Naive: "n^2", PerRunMS: 3000,
		Reference: &judge.Complexity{Fit: fit(complexity.Linear, 0.99), Points: pts}}
	g.Entries[0].Complexity = &judge.Complexity{Fit: fit(complexity.Quadratic, 0.98), Points: pts, Note: "stopped at n=8000: tle"}
	g.Entries[1].Complexity = &judge.Complexity{Fit: &complexity.Fit{Close: []complexity.Class{complexity.Linear, complexity.NLogN}}, Points: pts}
	g.Entries[2].Complexity = &judge.Complexity{Points: pts, Note: "2 of 4 sizes ran"}
	for name, write := range map[string]func(*bytes.Buffer, report.Batch) error{
		"text":     func(b *bytes.Buffer, g report.Batch) error { return report.GradeText(b, g) },
		"markdown": func(b *bytes.Buffer, g report.Batch) error { return report.GradeMarkdown(b, g) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, write(&b, g))
			golden(t, "grade.complexity."+name, b.Bytes())
		})
	}
	var b bytes.Buffer
	require.NoError(t, report.GradeJSON(&b, g))
	assert.Contains(t, b.String(), `"class": "O(n²)"`)
	assert.Contains(t, b.String(), `"expected_good": "n"`)
}
