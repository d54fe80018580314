// Package web holds judge serve's pages: html/template files, one stylesheet and a little
// vanilla JavaScript, all embedded, and the server-side rendering they need (a problem's
// Markdown, highlighted source, a line diff). It never imports net/http (judge/server serves
// what it renders) and never decides anything: handlers give templates views that hold only
// what the reader may see, and html/template escapes every piece of text they hold.
package web

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/judge-dev/judge/judge"
)

//go:embed templates/*.html
var templates embed.FS

//go:embed static
var static embed.FS

// Static is the stylesheet and scripts, served under /static/.
func Static() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded folder exists: a build without it does not compile
	}
	return sub
}

// Pages are the parsed templates: each page with the layout.
type Pages struct {
	pages map[string]*template.Template
}

var funcs = template.FuncMap{
	"markdown":  Markdown,
	"untitled":  Untitled,
	"verdict":   verdictWord,
	"vclass":    verdictClass,
	"ran":       func(v judge.Verdict) bool { return v != judge.NotRun },
	"ms":        func(v float64) string { return fmt.Sprintf("%.0f ms", v) },
	"mib":       MiB,
	"pct":       func(v any) string { return fmt.Sprintf("%.0f%%", number(v)*100) },
	"when":      func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
	"rfc3339":   func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
	"localtime": func(t time.Time) string { return t.UTC().Format("2006-01-02T15:04") },
	"clip":      clip,
	"add":       func(a, b int) int { return a + b },
	"join":      strings.Join,
	"minutes":   func(d time.Duration) int { return int(d / time.Minute) },
	"deref": func(p any) any {
		switch v := p.(type) {
		case *float64:
			if v != nil {
				return *v
			}
		case *int:
			if v != nil {
				return *v
			}
		case *judge.Verdict:
			if v != nil {
				return *v
			}
		}
		return nil
	},
}

// Parse parses every page with the layout.
func Parse() (*Pages, error) {
	names, err := fs.Glob(templates, "templates/*.html")
	if err != nil {
		return nil, err
	}
	p := &Pages{pages: map[string]*template.Template{}}
	for _, name := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(name, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		t, err := template.New(base).Funcs(funcs).ParseFS(templates, "templates/layout.html", name)
		if err != nil {
			return nil, fmt.Errorf("parse page %s: %w", base, err)
		}
		p.pages[base] = t
	}
	return p, nil
}

// Render writes the page name with data. A template error can leave part of the page in w:
// the server renders into a buffer and sends it only whole (it must choose the status after).
func (p *Pages) Render(w io.Writer, name string, data any) error {
	t, ok := p.pages[name]
	if !ok {
		return fmt.Errorf("render: no page %q", name)
	}
	if err := t.ExecuteTemplate(w, "layout", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	return nil
}

// verdictWord spells a verdict out: words, not colour alone, say what happened.
func verdictWord(v judge.Verdict) string {
	if name := v.Name(); name != "" {
		return strings.ToUpper(name[:1]) + name[1:]
	}
	return "Unknown"
}

// verdictClass is the CSS class that colours a verdict (the word beside it says the same).
func verdictClass(v judge.Verdict) string {
	switch v {
	case judge.Accepted:
		return "v-ok"
	case judge.NotRun:
		return "v-nr"
	case judge.InternalError:
		return "v-ie"
	}
	return "v-bad"
}

// MaxShown bounds a piece of text (input, output, stderr) shown on a page: a 1 MB line is
// cut, and the page says so.
const MaxShown = 4 << 10

// clip takes a string or a pointer to one (reports leave absent texts nil).
func clip(v any) string {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case *string:
		if x != nil {
			s = *x
		}
	}
	if len(s) <= MaxShown {
		return s
	}
	cut := MaxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + fmt.Sprintf("\n… (%d more bytes not shown)", len(s)-cut)
}

// number reads a float64 or a pointer to one (views leave absent numbers nil).
func number(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case *float64:
		if x != nil {
			return *x
		}
	}
	return 0
}

// MiB shows a test's memory with its unit (judge.MiBText).
func MiB(v float64) string { return judge.MiBText(v) + " MiB" }
