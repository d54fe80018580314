package report_test

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge"
	"github.com/judge-dev/judge/judge/complexity"
	"github.com/judge-dev/judge/judge/report"
	"github.com/judge-dev/judge/judge/similarity"
)

// htmlBatch is the sample batch with every signal: lint, complexity, similar pairs, and a name
// that tries to be markup.
func htmlBatch() report.Batch {
	g := sampleBatch()
	g.Entries[3].Path = `<script>alert(1)</script>.py`
	pts := func(k float64) []complexity.Point {
		var p []complexity.Point
		for _, n := range []float64{1000, 2000, 4000, 8000} {
			p = append(p, complexity.Point{N: n, Seconds: k * n * n / 1e9})
		}
		return p
	}
	g.Ladder = &judge.LadderSummary{Sizes: []int{1000, 2000, 4000, 8000}, Repeats: 3, Good: "n", Naive: "n^2", PerRunMS: 3000,
		Reference: &judge.Complexity{Fit: &complexity.Fit{Class: complexity.Linear, R2: 0.99}, Points: []complexity.Point{{N: 1000, Seconds: 0.001}, {N: 2000, Seconds: 0.002}, {N: 4000, Seconds: 0.004}, {N: 8000, Seconds: 0.008}}}}
	g.Entries[0].Complexity = &judge.Complexity{Fit: &complexity.Fit{Class: complexity.Quadratic, R2: 0.98}, Points: pts(1)}
	g.Similarity = &similarity.Result{Threshold: 0.4, K: 10, W: 5, BaseFiles: 12, Compared: 6, Pairs: []similarity.Pair{
		{A: "alice.py", B: "bob|pipe.py", Score: 0.81, AShare: 0.81, BShare: 0.45, Shared: 13, Matches: []similarity.Match{
			{A: similarity.Lines{From: 4, To: 10}, B: similarity.Lines{From: 16, To: 22}}}},
	}}
	return g
}

func TestGradeHTML(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, report.GradeHTML(&b, htmlBatch()))
	page := b.String()
	golden(t, "grade.html", b.Bytes())
	assert.NotContains(t, page, "<script>", "a submission's name is escaped")
	assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;.py")
	for _, external := range []string{"http://", "https://", "src=", "@import", "url("} {
		assert.NotContains(t, strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, ""), external, "self-contained: nothing fetched")
	}
	for _, want := range []string{"<svg", "polyline", "≈ O(n²) (R² 0.98)", "&#39;os&#39; imported but unused", "lines 4-10 ↔ lines 16-22", "secret/02-neg"} {
		assert.Contains(t, page, want)
	}
}

// TestGradeHTMLInChromium renders the page in headless Chromium and checks the screenshot is a
// page, not a blank: Chromium must be installed (Debian's chromium, /usr/bin/chromium).
func TestGradeHTMLInChromium(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	require.NoError(t, err, "chromium not found: install Debian's chromium (apt-get install chromium) to render the HTML report")
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	var b bytes.Buffer
	require.NoError(t, report.GradeHTML(&b, htmlBatch()))
	require.NoError(t, os.WriteFile(page, b.Bytes(), 0o644))
	shot := filepath.Join(dir, "report.png")
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=1280,2000", "--screenshot="+shot, "file://"+page)
	cmd.Env = append(os.Environ(), "TMPDIR="+dir) // its org.chromium.Chromium.* scratch goes with dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "chromium: %s", out)
	f, err := os.Open(shot)
	require.NoError(t, err, "no screenshot: %s", out)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	// A rendered page has many colours (text, table borders, verdict badges, chart bars).
	colours := map[uint32]bool{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 4 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[r>>8<<16|g>>8<<8|bl>>8] = true
		}
	}
	assert.Greater(t, len(colours), 20, "the screenshot looks blank")
	if keep := os.Getenv("JUDGE_KEEP_SCREENSHOT"); keep != "" {
		b, _ := os.ReadFile(shot)
		require.NoError(t, os.WriteFile(keep, b, 0o644))
	}
}
