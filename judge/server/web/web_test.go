package web_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/judge-dev/judge/judge/server/web"
)

func TestPagesParse(t *testing.T) {
	p, err := web.Parse()
	require.NoError(t, err)
	var buf bytes.Buffer
	assert.Error(t, p.Render(&buf, "no-such-page", nil))
	assert.Zero(t, buf.Len(), "nothing half-written")
}

func TestMarkdownDropsRawHTMLAndScriptLinks(t *testing.T) {
	out := string(web.Markdown("# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nprint('<b>')\n```\n"))
	assert.Contains(t, out, "<h1>Title</h1>")
	assert.Contains(t, out, "<table>", "tables are rendered")
	assert.NotContains(t, out, "<script>")
	assert.NotContains(t, out, "javascript:")
	assert.Contains(t, out, "print('&lt;b&gt;')", "code is escaped")
}

func TestHighlightEscapesAndNumbersLines(t *testing.T) {
	lines := web.Highlight("def f(x):  # </pre><script>\n    return \"<b>\"\n")
	require.Len(t, lines, 2)
	assert.Equal(t, 1, lines[0].N)
	assert.Contains(t, string(lines[0].HTML), `<span class="hk">def</span>`)
	assert.Contains(t, string(lines[0].HTML), "&lt;/pre&gt;&lt;script&gt;")
	assert.NotContains(t, string(lines[0].HTML), "<script>")
	assert.Contains(t, string(lines[1].HTML), "&lt;b&gt;")
}

func TestDiff(t *testing.T) {
	d, ok := web.Diff("a\nb\nc\n", "a\nc\nd\n")
	require.True(t, ok)
	var ops []string
	for _, l := range d {
		ops = append(ops, l.Op+l.Text)
	}
	assert.Equal(t, []string{" a", "-b", " c", "+d"}, ops)
	_, ok = web.Diff(strings.Repeat("x\n", 3000), strings.Repeat("y\n", 3000))
	assert.False(t, ok, "too large to diff is said, not computed")
}

func TestMiB(t *testing.T) {
	assert.Equal(t, "< 0.1 MiB", web.MiB(0))
	assert.Equal(t, "< 0.1 MiB", web.MiB(0.04))
	assert.Equal(t, "0.1 MiB", web.MiB(0.06))
	assert.Equal(t, "12.5 MiB", web.MiB(12.5))
}

func TestUntitledDropsOnlyTheHeadingThatNamesTheProblem(t *testing.T) {
	assert.Equal(t, "Read two integers.\n", web.Untitled("# Sum of two\n\nRead two integers.\n", "Sum of two"))
	assert.Equal(t, "Body\n", web.Untitled("\n## sum OF two ##\r\nBody\n", "Sum of two"), "any level, closing hashes, case and CRLF")
	for _, s := range []string{"# Sum\nBody\n", "Sum of two\nBody\n", "#Sum of two\nBody\n", "Body\n# Sum of two\n", ""} {
		assert.Equal(t, s, web.Untitled(s, "Sum of two"), "kept: %q", s)
	}
}
