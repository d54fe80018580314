package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/complexity"
)

// gradeHTML is one self-contained page: inline CSS and SVG, no script, nothing fetched.
//
//go:embed grade.html.tmpl
var gradeHTML string

var gradeTemplate = template.Must(template.New("grade").Funcs(template.FuncMap{
	"ms":   func(f float64) string { return fmt.Sprintf("%.0f", f) },
	"pct":  func(f float64) string { return fmt.Sprintf("%.0f%%", 100*f) },
	"f2":   func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"lint": lintCount,
	"rel":  relative,
	"rng":  lineRange,
	"lowS": strings.ToLower,
	"inc":  func(i int) int { return i + 1 },
}).Parse(gradeHTML))

// htmlPage is what the template shows.
type htmlPage struct {
	B       Batch
	Rows    []Row
	Entries []htmlEntry
	RefPlot *plot
}

type htmlEntry struct {
	Row    Row
	Anchor string
	Chart  *barChart
	Plot   *plot
}

// barChart is the per-test CPU of a submission beside the reference's, as SVG geometry.
type barChart struct {
	W, H   int
	Bars   []bar
	MaxMS  float64
	Legend bool
}

type bar struct {
	X, Y, W, H float64
	Ref        bool
	Title      string
}

// plot is a log-log plot of CPU time against size for a submission and the reference.
type plot struct {
	W, H       int
	Sub, Ref   string // SVG polyline points
	SubDots    []dot
	RefDots    []dot
	XMin, XMax string
	YMin, YMax string
}

type dot struct {
	X, Y  float64
	Title string
}

// GradeHTML writes the batch as one self-contained HTML page for people: the batch table, each
// submission's tests with a CPU chart against the reference, the complexity ladder plotted, lint
// findings and similar pairs. Everything a submission controls is escaped by html/template.
func GradeHTML(w io.Writer, b Batch) error {
	page := htmlPage{B: b, Rows: Rows(b)}
	var ref *judge.Complexity
	if b.Ladder != nil {
		ref = b.Ladder.Reference
	}
	for i, r := range page.Rows {
		e := htmlEntry{Row: r, Anchor: fmt.Sprintf("s%d", i+1)}
		if r.Report != nil && len(r.Report.Tests) > 0 {
			e.Chart = cpuChart(r.Report, b.Reference)
		}
		if c := b.Entries[i].Complexity; c != nil {
			e.Plot = ladderPlot(c, ref)
		}
		page.Entries = append(page.Entries, e)
	}
	if ref != nil {
		page.RefPlot = ladderPlot(ref, nil)
	}
	return gradeTemplate.Execute(w, page)
}

func cpuChart(rep, ref *judge.Report) *barChart {
	refMS := map[string]float64{}
	if ref != nil {
		for _, t := range ref.Tests {
			refMS[t.Name] = t.CPUMillis
		}
	}
	c := &barChart{H: 140, Legend: ref != nil}
	for _, t := range rep.Tests {
		c.MaxMS = max(c.MaxMS, t.CPUMillis, refMS[t.Name])
	}
	if c.MaxMS <= 0 {
		c.MaxMS = 1
	}
	slot := 14.0
	c.W = max(200, int(slot)*len(rep.Tests)+40)
	for i, t := range rep.Tests {
		x := 30 + float64(i)*slot
		h := 120 * t.CPUMillis / c.MaxMS
		c.Bars = append(c.Bars, bar{X: x, Y: 125 - h, W: 6, H: h, Title: fmt.Sprintf("%s: %s, %.0f ms", t.Name, t.Verdict, t.CPUMillis)})
		if ms, ok := refMS[t.Name]; ok {
			h := 120 * ms / c.MaxMS
			c.Bars = append(c.Bars, bar{X: x + 6, Y: 125 - h, W: 6, H: h, Ref: true, Title: fmt.Sprintf("%s: reference %.0f ms", t.Name, ms)})
		}
	}
	return c
}

func ladderPlot(c, ref *judge.Complexity) *plot {
	all := append([]complexity.Point{}, c.Points...)
	if ref != nil {
		all = append(all, ref.Points...)
	}
	if len(all) == 0 {
		return nil
	}
	xmin, xmax, ymin, ymax := math.Inf(1), 0.0, math.Inf(1), 0.0
	for _, p := range all {
		xmin, xmax = min(xmin, p.N), max(xmax, p.N)
		ymin, ymax = min(ymin, p.Seconds), max(ymax, p.Seconds)
	}
	if xmax <= xmin {
		xmax = xmin * 2
	}
	if ymax <= ymin {
		ymax = ymin * 2
	}
	pl := &plot{W: 320, H: 180, XMin: fmt.Sprint(xmin), XMax: fmt.Sprint(xmax),
		YMin: fmt.Sprintf("%.1f ms", 1000*ymin), YMax: fmt.Sprintf("%.1f ms", 1000*ymax)}
	pos := func(p complexity.Point) (float64, float64) {
		x := 40 + 260*math.Log(p.N/xmin)/math.Log(xmax/xmin)
		y := 160 - 140*math.Log(p.Seconds/ymin)/math.Log(ymax/ymin)
		return x, y
	}
	line := func(pts []complexity.Point, dots *[]dot) string {
		var sb strings.Builder
		for _, p := range pts {
			x, y := pos(p)
			fmt.Fprintf(&sb, "%.1f,%.1f ", x, y)
			*dots = append(*dots, dot{X: x, Y: y, Title: fmt.Sprintf("n=%g: %.1f ms", p.N, 1000*p.Seconds)})
		}
		return strings.TrimSpace(sb.String())
	}
	pl.Sub = line(c.Points, &pl.SubDots)
	if ref != nil {
		pl.Ref = line(ref.Points, &pl.RefDots)
	}
	return pl
}
