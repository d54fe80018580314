package web

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// md renders statements: CommonMark with tables and strikethrough. Raw HTML in the Markdown is
// dropped (goldmark's default without html.WithUnsafe) and dangerous link schemes are not
// linked, so a statement cannot carry script into a candidate's page.
var md = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))

// Markdown renders a problem statement to safe HTML.
func Markdown(src string) template.HTML {
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(buf.String()) // goldmark escapes text and omits raw HTML
}
