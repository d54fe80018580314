package web

import (
	"html/template"
	"strings"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// Line is one line of source, highlighted: its number and its escaped, classed HTML.
type Line struct {
	N    int
	HTML template.HTML
}

// Highlight splits Python source into lines of escaped HTML with spans classed by token kind
// (keywords, strings, comments, numbers, names of functions and builtins); the stylesheet
// colours them. No script runs in the reader's browser for it.
func Highlight(source string) []Line {
	lexer := lexers.Get("python")
	var lines []Line
	var cur strings.Builder
	flush := func() {
		lines = append(lines, Line{N: len(lines) + 1, HTML: template.HTML(cur.String())})
		cur.Reset()
	}
	write := func(class, text string) {
		for i, part := range strings.Split(text, "\n") {
			if i > 0 {
				flush()
			}
			if part == "" {
				continue
			}
			esc := template.HTMLEscapeString(part)
			if class == "" {
				cur.WriteString(esc)
			} else {
				cur.WriteString(`<span class="` + class + `">` + esc + `</span>`)
			}
		}
	}
	it, err := lexer.Tokenise(nil, source)
	if err != nil {
		write("", source)
	} else {
		for tok := it(); tok != chroma.EOF; tok = it() {
			write(tokenClass(tok.Type), tok.Value)
		}
	}
	if cur.Len() > 0 || len(lines) == 0 {
		flush()
	}
	// A source ending in a newline has no last empty line to show.
	if n := len(lines); n > 1 && lines[n-1].HTML == "" && strings.HasSuffix(source, "\n") {
		lines = lines[:n-1]
	}
	return lines
}

func tokenClass(t chroma.TokenType) string {
	switch {
	case t == chroma.NameFunction || t == chroma.NameClass:
		return "hf"
	case t == chroma.NameBuiltin || t == chroma.NameBuiltinPseudo:
		return "hb"
	case t.InCategory(chroma.Keyword):
		return "hk"
	case t.InCategory(chroma.Comment):
		return "hc"
	case t.InSubCategory(chroma.LiteralString) || t.InCategory(chroma.LiteralString):
		return "hs"
	case t.InSubCategory(chroma.LiteralNumber) || t.InCategory(chroma.LiteralNumber):
		return "hn"
	}
	return ""
}

// DiffLine is one line of a line diff: Op is ' ' (both), '-' (only the old), '+' (only the
// new).
type DiffLine struct {
	Op   string
	Old  int // line number in the old source, 0 when absent
	New  int
	Text string
}

// MaxDiffCells bounds a diff's work (lines of one × lines of the other).
const MaxDiffCells = 4_000_000

// Diff is a line diff of two sources (longest common subsequence); ok is false when they are
// too long to compare here.
func Diff(oldSrc, newSrc string) (lines []DiffLine, ok bool) {
	a, b := splitLines(oldSrc), splitLines(newSrc)
	if len(a)*len(b) > MaxDiffCells {
		return nil, false
	}
	// lcs[i][j]: length of the LCS of a[i:] and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			lines = append(lines, DiffLine{Op: " ", Old: i + 1, New: j + 1, Text: a[i]})
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			lines = append(lines, DiffLine{Op: "+", New: j + 1, Text: b[j]})
			j++
		default:
			lines = append(lines, DiffLine{Op: "-", Old: i + 1, Text: a[i]})
			i++
		}
	}
	return lines, true
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
